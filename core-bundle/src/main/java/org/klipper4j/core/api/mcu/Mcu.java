/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.util.Map;

import org.klipper4j.core.api.StatusProvider;

/**
 * One micro-controller ({@code [mcu]} or {@code [mcu NAME]}), implemented by the
 * MCU bundle and registered in the printer as {@code "mcu"} / {@code "mcu NAME"}.
 */
public interface Mcu extends PinChip, StatusProvider {

    String getName();

    /** A fresh object id for a config command. */
    int createOid();

    /** Adds a config command (sent at connect); {@code onRestart} ones are resent after a restart. */
    void addConfigCommand(String command, boolean isInit, boolean onRestart);

    /** Runs {@code callback} while the config is being built, before it is sent. */
    void registerConfigCallback(Runnable callback);

    /** Looks a command up by format, e.g. {@code "set_digital_out pin=%u value=%c"}. */
    McuCommand lookupCommand(String format, Object commandQueue);

    /** A new command queue for ordering one object's commands. */
    Object allocCommandQueue();

    void registerResponse(McuResponseHandler handler, String name, Integer oid);

    long printTimeToClock(double printTime);

    double clockToPrintTime(long clock);

    long secondsToClock(double seconds);

    /** The print time the MCU is at for a host time. */
    double estimatedPrintTime(double eventtime);

    /** Constants of the dictionary (CLOCK_FREQ, MCU, ...). */
    Map<String, Object> getConstants();

    /** True in batch mode (output to a file, nothing is read). */
    boolean isFileoutput();
}
