/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.internal.config.PrinterConfig;

/** One config section parsed by the core's real config reader (bounds and errors as in use). */
final class Sections {
    private Sections() {
    }

    static ConfigSection parse(Path dir, String text, String name) throws IOException {
        Path file = dir.resolve("section.cfg");
        Files.writeString(file, text);
        return PrinterConfig.load(null, file).section(name);
    }
}
