/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The process's peak resident set size, from Linux's /proc/self/status (VmHWM). */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    static Optional<Long> peakResidentKb() {
        try {
            return parseVmHwm(Files.readAllLines(STATUS));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the {@code VmHWM:   12345 kB} line. */
    static Optional<Long> parseVmHwm(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return Optional.of(Long.parseLong(parts[0]));
            }
        }
        return Optional.empty();
    }
}
