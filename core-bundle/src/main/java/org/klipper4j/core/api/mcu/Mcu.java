/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;

/**
 * One micro-controller ({@code [mcu]} or {@code [mcu NAME]}), as Klipper's MCU
 * class: implemented by the MCU bundle, registered in the printer as
 * {@code "mcu"} / {@code "mcu NAME"}, and a {@link PinChip} for its pins.
 *
 * <p>Objects on an MCU build their config in a {@link #registerConfigCallback
 * config callback}: take an oid, add config commands, look commands up. The MCU
 * sends the config at connect (or skips it when the firmware has the same CRC).
 */
public interface Mcu extends PinChip, StatusProvider {

    String getName();

    Printer getPrinter();

    /** A fresh object id for a config command. */
    int createOid();

    /** Runs {@code callback} while the config is being built, before it is sent. */
    void registerConfigCallback(Runnable callback);

    /**
     * Adds a config command. {@code isInit} commands run after the config is
     * finalised (and on every connect); {@code onRestart} ones also after a firmware restart.
     */
    void addConfigCommand(String command, boolean isInit, boolean onRestart);

    default void addConfigCommand(String command) {
        addConfigCommand(command, false, false);
    }

    /** A new command queue for ordering one object's commands. */
    CommandQueue allocCommandQueue();

    /** Looks a command up by its dictionary format, e.g. {@code "set_digital_out pin=%u value=%c"}. */
    McuCommand lookupCommand(String format, CommandQueue queue);

    default McuCommand lookupCommand(String format) {
        return lookupCommand(format, null);
    }

    /** A command that waits for a response matching {@code responseFormat} (for the given oid). */
    McuQueryCommand lookupQueryCommand(String format, String responseFormat, int oid, CommandQueue queue,
            boolean isAsync);

    /** True if the firmware's dictionary has this command format. */
    boolean hasCommand(String format);

    /** The command's message id (for commands another command embeds, such as trsync triggers). */
    int lookupCommandTag(String format);

    void registerResponse(McuResponseHandler handler, String name, Integer oid);

    /** Constants of the dictionary (CLOCK_FREQ, MCU, ADC_MAX, ...). */
    Map<String, Object> getConstants();

    /** A numeric constant; throws a config error naming it if the firmware lacks it. */
    double getConstantFloat(String name);

    /** Enumerations of the dictionary (pin names to numbers, ...). */
    Map<String, Map<String, Integer>> getEnumerations();

    long printTimeToClock(double printTime);

    double clockToPrintTime(long clock);

    long secondsToClock(double seconds);

    /** Extends a 32-bit clock from a response to the full 64-bit clock. */
    long clock32ToClock64(long clock32);

    /** The print time the MCU is at for a host time. */
    double estimatedPrintTime(double eventtime);

    /** {@code max_stepper_error} of this MCU's config (seconds). */
    double getMaxStepperError();

    /** A clock slot for periodic queries of an object, spread so objects do not query together. */
    long getQuerySlot(int oid);

    /** Called with the print time each time moves are flushed to the MCU. */
    void registerFlushCallback(DoubleConsumer callback);

    /** True in batch mode (output to a file, nothing is read). */
    boolean isFileoutput();

    boolean isShutdown();
}
