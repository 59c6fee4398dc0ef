/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled folder runs as a user would run it: {@code bin/klipper4j} in a separate JVM. */
class DistributionIT {

    private static final long RUN_TIMEOUT_S = 120;
    private final Path dist = Path.of(ItSetup.jarPath("it.dist"));

    @TempDir
    Path work;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", dist.resolve("bin/klipper4j").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
        Process process = pb.start();
        if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("klipper4j " + String.join(" ", args) + " did not end within "
                    + RUN_TIMEOUT_S + " s; stderr: " + Files.readString(work.resolve("stderr")));
        }
        return new Result(process.exitValue(), Files.readString(work.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("stderr"), StandardCharsets.UTF_8));
    }

    @Test
    void theLayoutHasLauncherBundlesAndAnEmptyPluginsFolder() throws IOException {
        assertTrue(Files.isExecutable(dist.resolve("bin/klipper4j")));
        for (String jar : List.of("launcher.jar", "org.apache.felix.framework.jar", "picocli.jar", "slf4j-api.jar",
                "slf4j-simple.jar")) {
            assertTrue(Files.isRegularFile(dist.resolve("lib").resolve(jar)), "lib/" + jar);
        }
        List<String> bundles;
        try (Stream<Path> files = Files.list(dist.resolve("bundles"))) {
            bundles = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String prefix : List.of("org.apache.felix.scr-", "org.osgi.service.component-", "org.osgi.util.promise-",
                "org.osgi.util.function-", "org.apache.felix.fileinstall-", "gson-", "jna-", "core-bundle-")) {
            assertTrue(bundles.stream().anyMatch(b -> b.startsWith(prefix)), prefix + " in " + bundles);
        }
        assertTrue(Files.isDirectory(dist.resolve("plugins")));
        try (Stream<Path> files = Files.list(dist.resolve("plugins"))) {
            assertEquals(0, files.count(), "plugins/ ships empty");
        }
    }

    @Test
    void dumpDecodesABatchOutputAsKlippersToolDoes() throws Exception {
        Path dir = Path.of(DistributionIT.class.getResource("/dump/atmega2560.dict").toURI()).getParent();
        Result result = run("dump", dir.resolve("atmega2560.dict").toString(),
                dir.resolve("expected.serial").toString());

        assertEquals(0, result.exitCode(), result.stderr());
        // the decoded lines as mcustream.py decode prints them (its summary line aside)
        List<String> expected = Files.readAllLines(dir.resolve("expected.decoded.txt")).stream()
                .filter(l -> !l.startsWith("mcustream:")).toList();
        assertEquals(expected, result.stdout().lines().toList());
    }

    @Test
    void theBuiltInVirtualPrinterComesUpReadyWithStatsLines() throws Exception {
        Path log = work.resolve("klippy.log");
        List<String> command = List.of("sh", dist.resolve("bin/klipper4j").toString(), "-l", log.toString(), "-I",
                work.resolve("printer").toString());
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("out").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String text = "";
            while (System.nanoTime() < deadline && !(text.contains("State: ready") && text.contains("Stats "))) {
                Thread.sleep(200);
                text = Files.exists(log) ? Files.readString(log) : "";
            }
            assertTrue(text.contains("Configured MCU 'mcu'"), text);
            assertTrue(text.contains("State: ready"), text);
            assertTrue(text.contains("Stats ") && text.contains("mcu: mcu_awake="), text);
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void helpAnswersWithEveryOption() throws Exception {
        Result result = run("--help");

        assertEquals(0, result.exitCode(), result.stderr());
        for (String option : List.of("--logfile", "--input-tty", "--api-server", "--debuginput", "--debugoutput",
                "--dictionary", "--verbose", "--check-config")) {
            assertTrue(result.stdout().contains(option), option + " in\n" + result.stdout());
        }
    }

    @Test
    void checkConfigOfAMissingFileFailsWithOneLine() throws Exception {
        Result result = run("nowhere.cfg", "--check-config");

        assertEquals(1, result.exitCode());
        assertEquals("Unable to open config file nowhere.cfg", result.stderr().strip());
    }

    @Test
    void checkConfigOfAValidConfigSucceeds() throws Exception {
        Path cfg = Files.writeString(work.resolve("printer.cfg"), "[greeter]\nmessage: Hi\n\n[print_stats]\n");

        Result result = run(cfg.toString(), "--check-config", "-l", work.resolve("klippy.log").toString());

        assertEquals(0, result.exitCode(), result.stderr() + Files.readString(work.resolve("klippy.log")));
        assertEquals("", result.stderr());
    }

    @Test
    void checkConfigOfABadOptionFailsWithOneLineNamingIt() throws Exception {
        Path cfg = Files.writeString(work.resolve("printer.cfg"), "[greeter]\nbogus: 1\n");

        Result result = run(cfg.toString(), "--check-config", "-l", work.resolve("klippy.log").toString());

        assertTrue(result.exitCode() != 0, "exit code");
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result.stderr());
        assertTrue(lines.get(0).contains("Option 'bogus' is not valid in section 'greeter'"), lines.get(0));
    }

    @Test
    void batchModeRunsTheGCodeAndExits() throws Exception {
        Path cfg = Files.writeString(work.resolve("printer.cfg"), "[greeter]\nmessage: Hi\n\n[print_stats]\n");
        Path gcode = Files.writeString(work.resolve("in.gcode"), "GREET NAME=batch\n");
        Path log = work.resolve("klippy.log");

        Result result = run(cfg.toString(), "-i", gcode.toString(), "-o", work.resolve("out.serial").toString(),
                "-l", log.toString());

        String logText = Files.readString(log);
        assertEquals(0, result.exitCode(), result.stderr() + logText);
        assertTrue(logText.contains("Printer is ready"), logText);
        assertTrue(logText.contains("Hi, batch!"), logText);
    }
}
