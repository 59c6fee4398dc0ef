/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder that plays the SD card: resolves the configured {@code path} and
 * lists its files the way Klipper does (M20: plain files of the folder itself;
 * SDCARD_PRINT_FILE: G-code files in subfolders too).
 */
final class SdcardDirectory {

    /** One listed file: its name relative to the folder ({@code /}-separated) and size. */
    record Entry(String name, long size) {
    }

    private static final Set<String> GCODE_EXTENSIONS = Set.of("gcode", "g", "gco");
    private static final Comparator<Entry> BY_NAME_IGNORING_CASE = Comparator
            .comparing((Entry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(Entry::name);

    private final Path root;

    SdcardDirectory(Path root) {
        this.root = root;
    }

    /**
     * The configured path with {@code ~} expanded and {@code .}/{@code ..} removed.
     * A relative path stays relative to the host's working directory, as in Klipper.
     */
    static Path resolve(String configured, String userHome) {
        String p = configured.trim();
        if (p.equals("~")) {
            p = userHome;
        } else if (p.startsWith("~/")) {
            p = userHome + p.substring(1);
        }
        return Path.of(p).normalize();
    }

    Path root() {
        return root;
    }

    /** Non-hidden regular files directly in the folder, sorted by name ignoring case. */
    List<Entry> listFiles() throws IOException {
        List<Entry> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(child)) {
                    files.add(new Entry(name, Files.size(child)));
                }
            }
        }
        files.sort(BY_NAME_IGNORING_CASE);
        return files;
    }

    /** G-code files ({@code .gcode}, {@code .g}, {@code .gco}) in the folder and below, following links. */
    List<Entry> listGCodeFilesRecursively() throws IOException {
        List<Entry> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(file) && isGCode(file.getFileName().toString())) {
                    String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                            "/");
                    files.add(new Entry(relative, Files.size(file)));
                }
            }
        }
        files.sort(BY_NAME_IGNORING_CASE);
        return files;
    }

    private static boolean isGCode(String name) {
        return GCODE_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The listed name matching {@code requested} exactly, else ignoring case; null if none. */
    static String match(List<Entry> files, String requested) {
        String caseInsensitive = null;
        for (Entry e : files) {
            if (e.name().equals(requested)) {
                return e.name();
            }
            if (caseInsensitive == null && e.name().equalsIgnoreCase(requested)) {
                caseInsensitive = e.name();
            }
        }
        return caseInsensitive;
    }
}
