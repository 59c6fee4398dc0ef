/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.core.api.mcu.PinParams;

/** An MCU whose print time is the host time minus {@value #OFFSET}; records config commands and responses. */
public final class FakeMcu implements Mcu {
    public static final double OFFSET = 990.;
    public static final double CLOCK_FREQ = 1_000_000.;
    private final Printer printer;
    private int nextOid;
    public final List<String> configCommands = new ArrayList<>();
    public final List<Runnable> configCallbacks = new ArrayList<>();
    public final Map<String, McuResponseHandler> responses = new LinkedHashMap<>();
    public final Map<String, Object> constants = new LinkedHashMap<>();
    /** Answers of debug_read by address, for the MCU temperature calibration. */
    public final Map<Long, Long> memory = new LinkedHashMap<>();

    public FakeMcu(Printer printer) {
        this.printer = printer;
    }

    /** Runs the config callbacks, as the MCU does before it sends the config. */
    public void buildConfig() {
        configCallbacks.forEach(Runnable::run);
    }

    @Override
    public Object setupPin(String pinType, PinParams params) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of();
    }

    @Override
    public String getName() {
        return "mcu";
    }

    @Override
    public Printer getPrinter() {
        return printer;
    }

    @Override
    public int createOid() {
        return nextOid++;
    }

    @Override
    public void registerConfigCallback(Runnable callback) {
        configCallbacks.add(callback);
    }

    @Override
    public void addConfigCommand(String command, boolean isInit, boolean onRestart) {
        configCommands.add(command);
    }

    @Override
    public CommandQueue allocCommandQueue() {
        return new CommandQueue() { };
    }

    @Override
    public McuCommand lookupCommand(String format, CommandQueue queue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public McuQueryCommand lookupQueryCommand(String format, String responseFormat, int oid, CommandQueue queue,
            boolean isAsync) {
        if (!format.equals("debug_read order=%c addr=%u")) {
            throw new UnsupportedOperationException(format);
        }
        return new McuQueryCommand() {
            @Override
            public Map<String, Object> send(Object... params) {
                return Map.of("val", memory.get(((Number) params[1]).longValue()));
            }

            @Override
            public Map<String, Object> sendScheduled(long minclock, long reqclock, Object... params) {
                return send(params);
            }
        };
    }

    @Override
    public boolean hasCommand(String format) {
        return false;
    }

    @Override
    public int lookupCommandTag(String format) {
        return 0;
    }

    @Override
    public void registerResponse(McuResponseHandler handler, String name, Integer oid) {
        responses.put(name + " " + oid, handler);
    }

    @Override
    public Map<String, Object> getConstants() {
        return constants;
    }

    @Override
    public double getConstantFloat(String name) {
        return ((Number) constants.get(name)).doubleValue();
    }

    @Override
    public Map<String, Map<String, Integer>> getEnumerations() {
        return Map.of();
    }

    @Override
    public long printTimeToClock(double printTime) {
        return (long) (printTime * CLOCK_FREQ);
    }

    @Override
    public double clockToPrintTime(long clock) {
        return clock / CLOCK_FREQ;
    }

    @Override
    public long secondsToClock(double seconds) {
        return (long) (seconds * CLOCK_FREQ);
    }

    @Override
    public long clock32ToClock64(long clock32) {
        return clock32;
    }

    @Override
    public double estimatedPrintTime(double eventtime) {
        return eventtime - OFFSET;
    }

    @Override
    public double getMaxStepperError() {
        return 0.000025;
    }

    @Override
    public long getQuerySlot(int oid) {
        return 1000L * (oid + 1);
    }

    @Override
    public void registerFlushCallback(DoubleConsumer callback) {
    }

    @Override
    public boolean isFileoutput() {
        return false;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }
}
