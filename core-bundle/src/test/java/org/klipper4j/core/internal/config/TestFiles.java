/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;

/** Helpers for config tests: files in a temp dir and a printer that records what it is asked. */
final class TestFiles {
    private TestFiles() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrinterConfig load(Path dir, String text) {
        return PrinterConfig.load(null, write(dir, "printer.cfg", text));
    }

    /** A printer whose {@code requestExit} calls land in {@code exits} and that holds the named objects. */
    static Printer printer(List<String> exits, List<String> objectNames) {
        return (Printer) Proxy.newProxyInstance(Printer.class.getClassLoader(), new Class<?>[] {Printer.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "requestExit":
                            exits.add((String) args[0]);
                            return null;
                        case "lookupObjects":
                            return objectNames.stream()
                                    .map(n -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<String, Object>(n, n))
                                    .toList();
                        case "toString":
                            return "test printer";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
