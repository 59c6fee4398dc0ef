/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code klipper4j dump DICT FILE}: decodes a serial capture or batch output to
 * text, one message per line. The decoder lives in the MCU bundle's exported
 * protocol package; it is loaded from the distribution's bundle jars in a class
 * loader of its own, without starting the framework.
 */
public final class DumpCommand {
    private static final String DUMPER = "org.klipper4j.mcu.protocol.StreamDumper";

    private DumpCommand() {
    }

    /** Runs the decoder; returns its exit code (0 clean, 2 problems found, 1 usage or a missing jar). */
    public static int run(Distribution dist, String[] args, PrintWriter out, PrintWriter err) {
        if (args.length != 2) {
            err.println("Usage: klipper4j dump DICT FILE");
            err.println("Decodes FILE (a serial capture or -o batch output) with the data dictionary DICT.");
            return 1;
        }
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = decode(dist, args, o, e);
        } catch (MissingDecoderException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.print(outBytes.toString(StandardCharsets.UTF_8));
        out.flush();
        err.print(errBytes.toString(StandardCharsets.UTF_8));
        err.flush();
        return code;
    }

    /**
     * Runs the decoder of the distribution's MCU bundle on {@code DICT FILE}, writing to the given streams.
     *
     * @return the decoder's exit code (0 clean, 2 problems found)
     * @throws MissingDecoderException if the MCU bundle or Gson is missing or cannot be run
     */
    static int decode(Distribution dist, String[] args, PrintStream out, PrintStream err)
            throws MissingDecoderException {
        List<URL> jars = new ArrayList<>();
        try {
            for (Path jar : dist.bootBundles()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("mcu-bundle-") || name.startsWith("gson-")) {
                    jars.add(jar.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new MissingDecoderException("Unable to find the MCU bundle: " + e.getMessage());
        }
        if (jars.size() < 2) {
            throw new MissingDecoderException("Unable to find the MCU bundle and Gson in " + dist.bundlesDir());
        }
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new),
                DumpCommand.class.getClassLoader())) {
            Method run = loader.loadClass(DUMPER).getMethod("run", String[].class, PrintStream.class,
                    PrintStream.class);
            return (Integer) run.invoke(null, args, out, err);
        } catch (ReflectiveOperationException | IOException e) {
            throw new MissingDecoderException("Unable to run the decoder: " + e);
        }
    }

    /** The decoder could not be found or loaded; the message says why. */
    static final class MissingDecoderException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingDecoderException(String message) {
            super(message);
        }
    }
}
