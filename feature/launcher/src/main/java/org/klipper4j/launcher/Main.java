/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Optional;

import org.klipper4j.launcher.internal.BenchCommand;
import org.klipper4j.launcher.internal.Distribution;
import org.klipper4j.launcher.internal.EmbeddedFramework;
import org.klipper4j.launcher.internal.DumpCommand;
import org.klipper4j.launcher.internal.LaunchOptions;
import org.klipper4j.launcher.internal.LogSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code klipper4j printer.cfg [options]}: parses klippy's command line and runs the host in Felix. */
public final class Main {

    /** Exit code for a bad command line, as klippy's option parser. */
    public static final int USAGE_ERROR = 2;
    /** Exit code when the host cannot be started at all. */
    public static final int START_ERROR = 1;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs to the end and returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("dump")) {
            return DumpCommand.run(Distribution.locate(), java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("bench")) {
            return BenchCommand.run(Distribution.locate(), java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            err.println(e.getMessage());
            err.println("Try 'klipper4j --help' for more information.");
            return USAGE_ERROR;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return 0;
        }
        Distribution dist = Distribution.locate();
        options.defaultConfig(dist.home().resolve("config").resolve("virtual-printer.cfg"));
        Optional<String> problem = options.problem();
        if (problem.isPresent()) {
            err.println(problem.get());
            return START_ERROR;
        }
        LogSetup.configure(options.logFile(), options.verbose());
        return runFramework(options, dist);
    }

    private static int runFramework(LaunchOptions options, Distribution dist) {
        Logger log = LoggerFactory.getLogger(Main.class);
        log.debug("Starting the OSGi framework");
        // the log's relative times start with the logger; this ties them to the JVM's start
        log.debug("JVM started {} ms ago; home {}", ManagementFactory.getRuntimeMXBean().getUptime(), dist.home());
        EmbeddedFramework framework;
        try {
            framework = EmbeddedFramework.start(dist, options.frameworkProperties());
        } catch (Exception e) {
            log.error("Unable to start: {}", e.getMessage());
            return START_ERROR;
        }
        // SIGINT/SIGTERM: stop the bundles in order so outputs are switched off
        Thread hook = new Thread(framework::stop, "klipper4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return framework.awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            framework.stop();
            return START_ERROR;
        }
    }
}
