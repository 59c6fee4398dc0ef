/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/** The parameter types of message formats ({@code %u}, {@code %.*s}, ...). */
public enum ParamType {
    UINT32("%u", false, false),
    INT32("%i", true, false),
    UINT16("%hu", false, false),
    INT16("%hi", true, false),
    BYTE("%c", false, false),
    STRING("%s", false, true),
    PROGMEM_BUFFER("%.*s", false, true),
    BUFFER("%*s", false, true);

    private final String spec;
    private final boolean signed;
    private final boolean string;

    ParamType(String spec, boolean signed, boolean string) {
        this.spec = spec;
        this.signed = signed;
        this.string = string;
    }

    public String spec() {
        return spec;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isString() {
        return string;
    }

    /** The type for a spec such as {@code %hu}, or null if there is none. */
    public static ParamType forSpec(String spec) {
        for (ParamType t : values()) {
            if (t.spec.equals(spec)) {
                return t;
            }
        }
        return null;
    }

    /** A decoded integer as Klipper reports it: unsigned types as 32-bit unsigned, signed as sent. */
    public long normalize(long raw) {
        return signed ? raw : raw & 0xffffffffL;
    }
}
