/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.klipper4j.core.api.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads printer.cfg as Klipper does: the main file with its {@code [include]}
 * files (globs sorted, paths relative to the including file, nested), then the
 * SAVE_CONFIG block at the end of the main file, whose options apply unless
 * the regular config defines them too.
 */
final class ConfigParser {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigParser.class);
    private static final String INCLUDE_PREFIX = "include ";

    /** Reads the main config file with its includes and SAVE_CONFIG block. */
    ParsedConfig parseMain(Path mainFile) {
        String data = readConfigFile(mainFile);
        AutosaveBlock.Split split = AutosaveBlock.split(data);
        RawConfig merged = parseWithIncludes(split.regular(), mainFile);
        String autosaveText = AutosaveBlock.stripDuplicates(split.autosave(), merged);
        RawConfig autosave = new RawConfig();
        new IniSyntaxReader(autosave, mainFile.toString()).read(lines(autosaveText), 1);
        new IniSyntaxReader(merged, "*AUTOSAVE*").read(lines(autosaveText), 1);
        return new ParsedConfig(mainFile, merged, autosave);
    }

    /** Parses config text that belongs to {@code fileName}, following its includes. */
    RawConfig parseWithIncludes(String data, Path fileName) {
        RawConfig config = new RawConfig();
        parseFile(data, fileName, config, new HashSet<>());
        return config;
    }

    /** The file's text with CR-LF line ends made LF; Klipper's error if it cannot be read. */
    static String readConfigFile(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException | RuntimeException e) {
            String msg = "Unable to open config file " + file;
            LOG.warn(msg, e);
            throw new ConfigException(msg, e);
        }
    }

    private void parseFile(String data, Path fileName, RawConfig config, Set<Path> visited) {
        Path absolute = fileName.toAbsolutePath().normalize();
        if (!visited.add(absolute)) {
            throw new ConfigException("Recursive include of config file '" + fileName + "'");
        }
        // Lines between includes are read as one run, so that overrides in
        // included files apply in the order they appear.
        List<String> run = new ArrayList<>();
        int runStart = 1;
        List<String> all = lines(data);
        for (int i = 0; i < all.size(); i++) {
            String header = IniSyntaxReader.sectionHeader(IniSyntaxReader.stripHashComment(all.get(i)));
            if (header != null && header.startsWith(INCLUDE_PREFIX)) {
                new IniSyntaxReader(config, fileName.toString()).read(run, runStart);
                run.clear();
                runStart = i + 2;
                resolveInclude(fileName, header.substring(INCLUDE_PREFIX.length()).strip(), config, visited);
            } else {
                run.add(all.get(i));
            }
        }
        new IniSyntaxReader(config, fileName.toString()).read(run, runStart);
        visited.remove(absolute);
    }

    private void resolveInclude(Path sourceFile, String spec, RawConfig config, Set<Path> visited) {
        Path dir = sourceFile.getParent();
        Path pattern = dir == null ? Path.of(spec) : dir.resolve(spec);
        List<Path> files = IncludeGlob.expand(pattern);
        if (files.isEmpty() && !IncludeGlob.hasMagic(pattern.toString())) {
            throw new ConfigException("Include file '" + pattern + "' does not exist");
        }
        for (Path file : files) {
            parseFile(readConfigFile(file), file, config, visited);
        }
    }

    private static List<String> lines(String data) {
        return Arrays.asList(data.split("\n", -1));
    }
}
