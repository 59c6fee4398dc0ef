/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import org.klipper4j.mcu.protocol.MessageParam;

/** What a command parameter means for the comparison, told from its name as Klipper names them. */
enum ParamRole {
    /** The object the command acts on. */
    OID,
    /** A reference to another object ({@code trsync_oid}, {@code spi_oid}, ...). */
    OIDREF,
    /** An absolute 32-bit MCU clock. */
    CLOCK,
    /** A string or buffer. */
    STR,
    /** A pin enumeration. */
    PIN,
    /** Another enumeration (buses, chip types). */
    ENUM,
    /** A duration in clock ticks. */
    TICKS,
    /** Anything else. */
    INT;

    static ParamRole of(MessageParam p) {
        String name = p.name();
        if (name.equals("oid")) {
            return OID;
        }
        if (name.endsWith("_oid")) {
            return OIDREF;
        }
        if (name.equals("clock") || name.endsWith("_clock")) {
            return CLOCK;
        }
        if (p.type().isString()) {
            return STR;
        }
        if (p.enumeration() != null) {
            return p.enumeration().name().equals("pin") ? PIN : ENUM;
        }
        if (name.endsWith("ticks")) {
            return TICKS;
        }
        return INT;
    }
}
