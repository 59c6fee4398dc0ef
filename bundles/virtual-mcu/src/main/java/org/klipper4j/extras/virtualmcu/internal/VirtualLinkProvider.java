/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.core.api.mcu.McuLinkProvider;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Serves {@code [mcu] serial: virtual:NAME}: one board per name, made on first open with
 * the virtual printer's wiring, kept while the bundle runs (so a host restart finds it configured).
 */
@Component(service = McuLinkProvider.class, property = {McuLinkProvider.SCHEME + "=virtual"})
public final class VirtualLinkProvider implements McuLinkProvider {
    private final Map<String, VirtualMcu> boards = new HashMap<>();

    @Override
    public synchronized McuLink open(String address, int baud) throws IOException {
        String name = address.trim();
        if (name.isEmpty()) {
            throw new IOException("A virtual MCU needs a name: serial: virtual:NAME");
        }
        return boards.computeIfAbsent(name, n -> new VirtualMcu(n, BoardWiring.virtualPrinter())).openLink();
    }

    /** The board of a name, if it was opened. */
    public synchronized VirtualMcu board(String name) {
        return boards.get(name);
    }

    @Deactivate
    public synchronized void stop() {
        boards.values().forEach(VirtualMcu::close);
        boards.clear();
    }
}
