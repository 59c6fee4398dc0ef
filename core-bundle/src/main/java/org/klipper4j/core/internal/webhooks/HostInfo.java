/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StartArgs;

/**
 * The answer to {@code info}: the fields Klipper sends and Moonraker reads
 * (state, paths of the log and config, process and user ids for its process
 * statistics, version and CPU for display).
 */
final class HostInfo {
    /** Moonraker tells Klipper-compatible hosts apart by this name; we speak Klipper's API. */
    static final String APP_NAME = "Klipper";

    private HostInfo() {
    }

    static Map<String, Object> describe(Printer printer) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("state", printer.getState().wireName());
        info.put("state_message", printer.getStateMessage());
        info.put("hostname", hostname());
        info.put("klipper_path", System.getProperty("klipper4j.home", System.getProperty("user.dir")));
        info.put("python_path", ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        info.put("process_id", ProcessHandle.current().pid());
        info.put("user_id", processAttribute("unix:uid"));
        info.put("group_id", processAttribute("unix:gid"));
        StartArgs args = printer.getStartArgs();
        info.put("log_file", args == null ? null : args.logFile().map(HostInfo::absolute).orElse(null));
        info.put("config_file", args == null ? null : absolute(args.configFile()));
        info.put("software_version", softwareVersion());
        info.put("cpu_info", cpuInfo());
        info.put("app", APP_NAME);
        return info;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().toString();
    }

    static String softwareVersion() {
        return org.klipper4j.core.internal.HostVersion.softwareVersion();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The owner of {@code /proc/self} is the process's user (Linux). */
    private static Object processAttribute(String attribute) {
        try {
            return Files.getAttribute(Path.of("/proc/self"), attribute);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** As Klipper: "N core MODEL", the model from /proc/cpuinfo when it is there. */
    static String cpuInfo() {
        int cores = Runtime.getRuntime().availableProcessors();
        String model = System.getProperty("os.arch");
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                    model = line.substring(colon + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: keep the architecture name
        }
        return cores + " core " + model;
    }
}
