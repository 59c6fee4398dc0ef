/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Expands an include pattern as Python's {@code glob.glob} does: {@code *},
 * {@code ?} and {@code [...]} match within one path component, names starting
 * with a dot only match a pattern that starts with a dot, and only existing
 * paths are returned.
 */
final class IncludeGlob {
    private IncludeGlob() {
    }

    /** True if the pattern has glob characters (Python's {@code glob.has_magic}). */
    static boolean hasMagic(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** The existing paths matching {@code pattern}, sorted by their text. */
    static List<Path> expand(Path pattern) {
        List<Path> current = new ArrayList<>();
        current.add(pattern.getRoot());
        for (Path part : pattern) {
            String component = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (hasMagic(component)) {
                    next.addAll(matchingEntries(dir, component));
                } else {
                    next.add(dir == null ? part : dir.resolve(component));
                }
            }
            current = next;
        }
        List<Path> found = new ArrayList<>();
        for (Path p : current) {
            if (p != null && Files.exists(p)) {
                found.add(p);
            }
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static List<Path> matchingEntries(Path dir, String component) {
        List<Path> matches = new ArrayList<>();
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + escapeForJavaGlob(component));
        } catch (PatternSyntaxException e) {
            return matches;
        }
        Path listedDir = dir == null ? Path.of(".") : dir;
        if (!Files.isDirectory(listedDir)) {
            return matches;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listedDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean hidden = name.startsWith(".") && !component.startsWith(".");
                if (!hidden && matcher.matches(Path.of(name))) {
                    matches.add(dir == null ? Path.of(name) : dir.resolve(name));
                }
            }
        } catch (IOException e) {
            // An unreadable directory matches nothing, as in Python's glob.
        }
        return matches;
    }

    /** Python's fnmatch has no {@code {a,b}} groups and no backslash escapes. */
    private static String escapeForJavaGlob(String component) {
        StringBuilder sb = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (c == '{' || c == '}' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
