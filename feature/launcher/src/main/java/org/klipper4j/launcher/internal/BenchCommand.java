/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code klipper4j bench CONFIG GCODE -d DICT [-o OUT]}: runs batch mode in this
 * process and reports its throughput and peak memory. Moves are the G0/G1
 * lines of the G-code file; steps are the sum of the queue_step counts in the
 * output, decoded with the main MCU's dictionary after the run (so decoding
 * counts neither in the times nor in the peak memory).
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    /** Runs the benchmark; returns 0 on success, 1 if the run failed, 2 for a bad command line. */
    public static int run(Distribution dist, String[] args, PrintWriter out, PrintWriter err) {
        BenchOptions options = new BenchOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println(e.getMessage());
            err.println("Try 'klipper4j bench --help' for more information.");
            return 2;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return 0;
        }
        Optional<String> problem = options.problem();
        if (problem.isPresent()) {
            err.println(problem.get());
            return 1;
        }
        try {
            return measure(dist, options, out, err);
        } catch (IOException e) {
            err.println("Benchmark failed: " + e.getMessage());
            return 1;
        }
    }

    private static int measure(Distribution dist, BenchOptions options, PrintWriter out, PrintWriter err)
            throws IOException {
        Path output = options.outputFile().orElse(null);
        boolean temporary = output == null;
        if (temporary) {
            output = Files.createTempFile("klipper4j-bench", ".serial");
        }
        try {
            LaunchOptions launch = options.asLaunchOptions(output);
            LogSetup.configure(Optional.empty(), false);
            long start = System.nanoTime();
            int code;
            long ready;
            try {
                EmbeddedFramework framework = EmbeddedFramework.start(dist, launch.frameworkProperties());
                ReadyWatch watch = ReadyWatch.start(framework.bundleContext());
                code = framework.awaitExit();
                watch.stop();
                ready = watch.readyNanos();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("Benchmark interrupted");
                return 1;
            } catch (Exception e) {
                err.println("Unable to start: " + e.getMessage());
                return 1;
            }
            long end = System.nanoTime();
            Optional<Long> peakKb = PeakMemory.peakResidentKb();
            if (code != 0) {
                err.println("Batch run failed with exit code " + code + " (see the log above)");
                return 1;
            }
            long moves = MoveCounter.count(options.gcodeFile());
            StepCounter steps = new StepCounter();
            int decoded = decodeInto(dist, launch.mainDictionary(), output, steps, err);
            if (decoded != 0) {
                err.println("The output could not be decoded cleanly; step counts may be incomplete");
            }
            new BenchReport(moves, steps.steps(), end - start, ready < 0 ? -1 : ready - start, peakKb)
                    .print(out);
            return decoded == 0 ? 0 : 1;
        } finally {
            if (temporary) {
                Files.deleteIfExists(output);
            }
        }
    }

    private static int decodeInto(Distribution dist, Path dictionary, Path output, StepCounter steps,
            PrintWriter err) {
        OutputStream discardErr = OutputStream.nullOutputStream();
        try (PrintStream o = new PrintStream(steps, false, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(discardErr, false, StandardCharsets.UTF_8)) {
            int code = DumpCommand.decode(dist, new String[] {dictionary.toString(), output.toString()}, o, e);
            o.flush();
            steps.close();
            return code;
        } catch (DumpCommand.MissingDecoderException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The figures of one run, printed one per line. */
    record BenchReport(long moves, long steps, long wallNanos, long readyNanos, Optional<Long> peakKb) {

        void print(PrintWriter out) {
            double wall = wallNanos / 1e9;
            out.println("moves:            " + moves);
            out.println("steps:            " + steps);
            out.println(String.format(Locale.ROOT, "wall time:        %.3f s", wall));
            if (readyNanos >= 0) {
                double ready = readyNanos / 1e9;
                double processing = wall - ready;
                out.println(String.format(Locale.ROOT, "time to ready:    %.3f s", ready));
                out.println(String.format(Locale.ROOT, "processing:       %.3f s", processing));
                out.println(String.format(Locale.ROOT, "moves/s:          %.0f (processing), %.0f (wall)",
                        moves / processing, moves / wall));
                out.println(String.format(Locale.ROOT, "steps/s:          %.0f (processing), %.0f (wall)",
                        steps / processing, steps / wall));
            } else {
                out.println("time to ready:    not seen");
                out.println(String.format(Locale.ROOT, "moves/s:          %.0f (wall)", moves / wall));
                out.println(String.format(Locale.ROOT, "steps/s:          %.0f (wall)", steps / wall));
            }
            out.println("peak RSS:         " + peakKb.map(kb -> String.format(Locale.ROOT, "%.1f MB (VmHWM)",
                    kb / 1024.)).orElse("unknown (no /proc/self/status)"));
            out.flush();
        }
    }
}
