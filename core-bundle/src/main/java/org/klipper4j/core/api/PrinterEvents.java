/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/** Names of the printer events, as Klipper's. */
public final class PrinterEvents {
    /** All modules are loaded; look up other objects here. */
    public static final String CONNECT = "klippy:connect";
    /** The printer is ready. */
    public static final String READY = "klippy:ready";
    /** The printer has shut down (turn outputs off). */
    public static final String SHUTDOWN = "klippy:shutdown";
    /** The host is disconnecting from the MCUs (restart or exit). */
    public static final String DISCONNECT = "klippy:disconnect";
    /** A firmware restart was requested. */
    public static final String FIRMWARE_RESTART = "klippy:firmware_restart";
    /** The MCUs are identified (before connect handlers finish). */
    public static final String MCU_IDENTIFY = "klippy:mcu_identify";
    /** G-code processing is ready to accept commands. */
    public static final String GCODE_READY = "gcode:command_ready";

    private PrinterEvents() {
    }
}
