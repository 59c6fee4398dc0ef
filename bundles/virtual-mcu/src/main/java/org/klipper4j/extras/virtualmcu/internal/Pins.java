/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

/** Pin arguments: decoded as names from the pin enumeration; a number without a name is not a pin. */
final class Pins {
    private Pins() {
    }

    static String pin(Firmware fw, Object v) {
        return check(fw, v, "Not a valid pin");
    }

    static String adc(Firmware fw, Object v) {
        return check(fw, v, "Not a valid ADC pin");
    }

    private static String check(Firmware fw, Object v, String error) {
        if (!(v instanceof String s) || s.startsWith("?")) {
            throw fw.shutdown(error);
        }
        return s;
    }
}
