/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.conformance.runner.ComponentCatalog;
import org.klipper4j.conformance.runner.LocalComponents;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.internal.host.HostLoop;
import org.klipper4j.core.internal.host.ModuleRegistry;

/**
 * PROBE on the virtual printer (bundles/virtual-mcu) in real time: the probe is the Z
 * switch of the virtual board (PC2, closed at the bottom of the Z axis), Z homes through
 * probe:z_virtual_endstop, and a probe from Z=5 stops where the switch closes, which is
 * Z = z_offset.
 *
 * <p>Real time: on a loaded machine the board can shut down ("Timer too close"), so it is
 * an integration test, not part of the unit test run: {@code mvn -B -o verify -pl
 * feature/conformance -am -Dtest=VirtualPrinterProbeIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class VirtualPrinterProbeIT {
    private static final String CONFIG = String.join("\n",
            "[mcu]", "serial: virtual:probetest", "restart_method: command",
            "[printer]", "kinematics: cartesian", "max_velocity: 300", "max_accel: 3000",
            "max_z_velocity: 5", "max_z_accel: 100",
            "[stepper_x]", "step_pin: PB0", "dir_pin: PB1", "enable_pin: !PB2", "microsteps: 16",
            "rotation_distance: 40", "endstop_pin: PC0", "position_endstop: 0", "position_max: 200",
            "homing_speed: 50",
            "[stepper_y]", "step_pin: PB3", "dir_pin: PB4", "enable_pin: !PB5", "microsteps: 16",
            "rotation_distance: 40", "endstop_pin: PC1", "position_endstop: 0", "position_max: 200",
            "homing_speed: 50",
            "[stepper_z]", "step_pin: PB6", "dir_pin: PB7", "enable_pin: !PB8", "microsteps: 16",
            "rotation_distance: 8", "endstop_pin: probe:z_virtual_endstop", "position_max: 200",
            "[probe]", "pin: PC2", "z_offset: 1.25", "");

    @TempDir
    Path dir;

    @Test
    void probeStopsAtTheTriggerHeight() throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, CONFIG);
        Path socket = dir.resolve("api.sock");
        ClassLoader loader = getClass().getClassLoader();
        LocalComponents components = LocalComponents.start(ComponentCatalog.scan(loader), loader);
        ModuleRegistry registry = new ModuleRegistry();
        components.moduleEntries().forEach(registry::add);
        components.kinematicsEntries().forEach(registry::addKinematics);
        StartArgs args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.of(socket),
                Optional.empty(), Optional.empty(), Map.of(), false, false);
        HostLoop loop = new HostLoop(args, registry, code -> { });
        loop.start();
        try (SocketChannel ch = connect(socket)) {
            InputStream in = Channels.newInputStream(ch);
            OutputStream out = Channels.newOutputStream(ch);
            waitReady(in, out);
            script(in, out, "G28 Z");
            script(in, out, "G1 Z5 F300");
            script(in, out, "PROBE");
            String status = call(in, out, "objects/query", "{\"objects\": {\"probe\": null}}");
            Matcher m = Pattern.compile("\"last_z_result\":\\s*([-0-9.eE]+)").matcher(status);
            assertTrue(m.find(), status);
            // one Z step is 0.0025 mm
            assertEquals(1.25, Double.parseDouble(m.group(1)), 0.006, status);
        } finally {
            loop.stop();
        }
    }

    private static SocketChannel connect(Path socket) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void waitReady(InputStream in, OutputStream out) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String info = "";
        while (System.nanoTime() < deadline) {
            info = call(in, out, "info", "{}");
            if (info.contains("\"state\":\"ready\"") || info.contains("\"state\": \"ready\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the virtual printer is not ready: " + info);
    }

    /**
     * Runs a script; the board runs in real time beside the build's other work, so a
     * homing or probing move that lost an MCU report to a starved CPU ("Communication
     * timeout", or a query left unanswered: "Internal error") is tried again, at most
     * three times.
     */
    private static void script(InputStream in, OutputStream out, String script) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                call(in, out, "gcode/script", "{\"script\": \"" + script + "\"}");
                return;
            } catch (AssertionError e) {
                if (attempt >= 3 || !(e.getMessage().contains("Communication timeout")
                        || e.getMessage().contains("Internal error"))) {
                    throw e;
                }
            }
        }
    }

    private static int nextId = 1;

    /** Sends one request and returns its reply (any error reply fails the test). */
    private static String call(InputStream in, OutputStream out, String method, String params) throws IOException {
        int id = nextId++;
        String req = "{\"id\": " + id + ", \"method\": \"" + method + "\", \"params\": " + params + "}";
        out.write(req.getBytes(StandardCharsets.UTF_8));
        out.write(3);
        out.flush();
        while (true) {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) != 3) {
                if (b < 0) {
                    throw new IOException("the API socket closed");
                }
                sb.append((char) b);
            }
            String reply = sb.toString();
            if (reply.contains("\"id\":" + id + ",") || reply.contains("\"id\": " + id + ",")
                    || reply.contains("\"id\":" + id + "}")) {
                if (reply.contains("\"error\"")) {
                    throw new AssertionError(method + " failed: " + reply);
                }
                return reply;
            }
        }
    }
}
