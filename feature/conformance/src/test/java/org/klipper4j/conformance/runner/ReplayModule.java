/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.StartArgs;

/** A stand-in for the MCU bundle: [replay] writes a given stream to the batch output file. */
public final class ReplayModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        Path stream = Path.of(config.get("file"));
        StartArgs args = config.getPrinter().getStartArgs();
        try {
            Files.copy(stream, args.outputFile().orElseThrow(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
