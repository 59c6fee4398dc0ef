/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites printer.cfg for SAVE_CONFIG as Klipper does: options being saved
 * are commented out of the main file, the SAVE_CONFIG block is replaced, the
 * old file is kept as {@code printer-YYYYMMDD_HHMMSS.cfg} beside it, and the
 * new one is written under a temporary name and then swapped in.
 */
final class SaveConfigWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SaveConfigWriter.class);
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("-yyyyMMdd_HHmmss");

    private final Clock clock;

    SaveConfigWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes {@code autosave} as the SAVE_CONFIG block of {@code configFile}.
     *
     * @return the backup file of the old config
     * @throws CommandError with Klipper's message if the file cannot be read,
     *         parsed or written, or if a saved option is set in an included file
     */
    Path write(Path configFile, RawConfig autosave) {
        String data;
        try {
            data = ConfigParser.readConfigFile(configFile);
        } catch (ConfigException e) {
            throw new CommandError("Unable to read existing config on SAVE_CONFIG");
        }
        String regular = AutosaveBlock.split(data).regular();
        regular = AutosaveBlock.stripDuplicates(regular, autosave);
        String newData = regular.stripTrailing() + AutosaveBlock.render(autosave);
        AutosaveBlock.Split check = AutosaveBlock.split(newData);
        if (check.autosave().isEmpty()) {
            throw new CommandError("Existing config autosave is corrupted. Can't complete SAVE_CONFIG");
        }
        RawConfig regularConfig;
        try {
            regularConfig = new ConfigParser().parseWithIncludes(check.regular(), configFile);
        } catch (ConfigException e) {
            LOG.warn("Unable to parse existing config on SAVE_CONFIG", e);
            throw new CommandError("Unable to parse existing config on SAVE_CONFIG");
        }
        rejectIncludeConflicts(regularConfig, autosave);
        String name = configFile.getFileName().toString();
        String stamp = LocalDateTime.now(clock).format(BACKUP_STAMP);
        Path backup = configFile.resolveSibling(name.endsWith(".cfg")
                ? name.substring(0, name.length() - 4) + stamp + ".cfg" : name + stamp);
        Path temp = configFile.resolveSibling(name.endsWith(".cfg")
                ? name.substring(0, name.length() - 4) + "_autosave.cfg" : name + "_autosave");
        LOG.info("SAVE_CONFIG to '{}' (backup in '{}')", configFile, backup);
        try {
            Files.write(temp, newData.getBytes(StandardCharsets.UTF_8));
            Files.move(configFile, backup, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, configFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unable to write config file during SAVE_CONFIG", e);
            throw new CommandError("Unable to write config file during SAVE_CONFIG");
        }
        return backup;
    }

    /** An option still set after the main file's copy is commented out must come from an include. */
    private static void rejectIncludeConflicts(RawConfig regularConfig, RawConfig autosave) {
        for (String section : autosave.sectionNames()) {
            for (String option : autosave.options(section)) {
                if (regularConfig.hasOption(section, option)) {
                    throw new CommandError("SAVE_CONFIG section '" + section + "' option '" + option
                            + "' conflicts with included value");
                }
            }
        }
    }
}
