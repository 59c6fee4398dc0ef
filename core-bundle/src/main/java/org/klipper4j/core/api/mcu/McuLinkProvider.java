/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.io.IOException;

/**
 * Opens links of one kind, registered as a service with {@value #SCHEME} naming the
 * scheme an {@code [mcu] serial:} value starts with (e.g. {@code virtual} for
 * {@code serial: virtual:printer}). Plain device paths need no provider.
 */
public interface McuLinkProvider {
    /** Service property: the scheme served. */
    String SCHEME = "klipper.link.scheme";

    /** Opens {@code address} (the part after {@code scheme:}) at {@code baud}. */
    McuLink open(String address, int baud) throws IOException;
}
