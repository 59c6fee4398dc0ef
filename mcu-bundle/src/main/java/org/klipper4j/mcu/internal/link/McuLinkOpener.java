/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.core.api.mcu.McuLinkProvider;

/**
 * Opens the link an {@code [mcu] serial:} value names: {@code scheme:address} through the
 * {@link McuLinkProvider} registered for the scheme, a pseudo-tty or a path without baud
 * (Klipper's Linux-process MCU) raw through termios, anything else as a serial port.
 */
public final class McuLinkOpener {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Map<String, McuLinkProvider> providers = new ConcurrentHashMap<>();

    public void addProvider(String scheme, McuLinkProvider provider) {
        providers.put(scheme, provider);
    }

    public void removeProvider(String scheme, McuLinkProvider provider) {
        providers.remove(scheme, provider);
    }

    /** True if {@code serial} is served by a link provider rather than a device path. */
    public static boolean hasScheme(String serial) {
        return !serial.startsWith("/") && SCHEME.matcher(serial).matches();
    }

    /** Klipper's rule: the Linux-process and rpmsg MCUs have no baud rate. */
    public static boolean takesBaud(String serial) {
        return !(serial.startsWith("/dev/rpmsg_") || serial.startsWith("/tmp/klipper_host_"));
    }

    public McuLink open(String serial, int baud, boolean rts) throws IOException {
        if (hasScheme(serial)) {
            int colon = serial.indexOf(':');
            String scheme = serial.substring(0, colon);
            McuLinkProvider provider = providers.get(scheme);
            if (provider == null) {
                throw new IOException("No MCU link provider for '" + scheme + ":' (serial: " + serial
                        + "); is the bundle that provides it installed?");
            }
            return provider.open(serial.substring(colon + 1), baud);
        }
        if (baud <= 0 || isPseudoTty(serial)) {
            return TtyLink.open(serial);
        }
        return SerialPortLink.open(serial, baud, rts);
    }

    private static boolean isPseudoTty(String path) {
        try {
            return Path.of(path).toRealPath().toString().startsWith("/dev/pts/");
        } catch (IOException | RuntimeException e) {
            return path.startsWith("/dev/pts/");
        }
    }
}
