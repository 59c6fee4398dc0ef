/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * An MCU (by default at 16 MHz, with print time the reactor time minus 1000 s).
 * Records config commands and every command sent (as parsedump-style text), hands
 * out {@link FakePwm}, {@link FakeDigitalOut} and {@link FakeAdc} pins, and answers
 * {@code debug_read} from {@link #memory}. Tests run the config callbacks and
 * flushes by hand.
 */
public final class FakeMcu implements Mcu {
    public static final double FREQ = 16_000_000.;
    public static final double REACTOR_START = 1000.;

    /** A command sent to the MCU. */
    public record Sent(String text, long minclock, long reqclock) {
    }

    private final String name;
    private final Printer printer;
    private final double clockFreq;
    private final double printTimeOffset;
    private final List<Runnable> configCallbacks = new ArrayList<>();
    private final List<DoubleConsumer> flushCallbacks = new ArrayList<>();
    private int nextOid;
    /** Config commands in order; init ones prefixed "init: ", restart ones "restart: ". */
    public final List<String> config = new ArrayList<>();
    /** Config commands in order, without the init/restart marks. */
    public final List<String> configCommands = new ArrayList<>();
    public final List<Sent> sent = new ArrayList<>();
    /** Pins handed out by {@link #setupPin}, in order. */
    public final List<Object> pins = new ArrayList<>();
    /** Response handlers by {@code "name oid"}. */
    public final Map<String, McuResponseHandler> responses = new LinkedHashMap<>();
    /** Firmware constants; a test may add more (e.g. {@code MCU}). */
    public final Map<String, Object> constants = new LinkedHashMap<>();
    /** Answers of {@code debug_read} by address. */
    public final Map<Long, Long> memory = new LinkedHashMap<>();

    public FakeMcu(Printer printer, String name) {
        this(printer, name, FREQ, REACTOR_START);
    }

    /** An MCU whose clock runs at {@code clockFreq} and whose print time is reactor time minus {@code printTimeOffset}. */
    public FakeMcu(Printer printer, String name, double clockFreq, double printTimeOffset) {
        this.printer = printer;
        this.name = name;
        this.clockFreq = clockFreq;
        this.printTimeOffset = printTimeOffset;
        constants.put("CLOCK_FREQ", (long) clockFreq);
        constants.put("PWM_MAX", 255L);
    }

    /** Runs the config callbacks, as the MCU does before sending the config. */
    public void buildConfig() {
        for (Runnable r : new ArrayList<>(configCallbacks)) {
            r.run();
        }
    }

    /** Tells everyone the MCU is flushed up to {@code printTime}. */
    public void flush(double printTime) {
        for (DoubleConsumer c : new ArrayList<>(flushCallbacks)) {
            c.accept(printTime);
        }
    }

    /** Delivers a response to the handler registered for it. */
    public void deliver(String responseName, int oid, Map<String, Object> params) {
        McuResponseHandler h = responses.get(responseName + " " + oid);
        if (h == null) {
            throw new AssertionError("no handler for " + responseName + " oid " + oid);
        }
        h.handle(params);
    }

    /** The text of the commands sent. */
    public List<String> sentText() {
        return sent.stream().map(Sent::text).toList();
    }

    @Override
    public Object setupPin(String pinType, PinParams params) {
        Object pin = switch (pinType) {
            case "pwm" -> new FakePwm(this, params);
            case "digital_out" -> new FakeDigitalOut(this, params);
            case "adc" -> new FakeAdc(this, params);
            default -> throw new ConfigException("pin type " + pinType + " not supported on mcu");
        };
        pins.add(pin);
        return pin;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of();
    }

    @Override
    public String getName() {
        return name;
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
        config.add((isInit ? "init: " : onRestart ? "restart: " : "") + command);
        configCommands.add(command);
    }

    @Override
    public CommandQueue allocCommandQueue() {
        return new CommandQueue() {
        };
    }

    @Override
    public McuCommand lookupCommand(String format, CommandQueue queue) {
        String[] parts = format.split(" ");
        return (minclock, reqclock, params) -> {
            StringBuilder text = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                text.append(' ').append(parts[i], 0, parts[i].indexOf('=') + 1).append(params[i - 1]);
            }
            sent.add(new Sent(text.toString(), minclock, reqclock));
        };
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
        return true;
    }

    @Override
    public int lookupCommandTag(String format) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerResponse(McuResponseHandler handler, String responseName, Integer oid) {
        responses.put(responseName + " " + oid, handler);
    }

    @Override
    public Map<String, Object> getConstants() {
        return constants;
    }

    @Override
    public double getConstantFloat(String constant) {
        Object v = getConstants().get(constant);
        if (v == null) {
            throw new ConfigException("Firmware constant '" + constant + "' not found");
        }
        return ((Number) v).doubleValue();
    }

    @Override
    public Map<String, Map<String, Integer>> getEnumerations() {
        return Map.of();
    }

    @Override
    public long printTimeToClock(double printTime) {
        return (long) (printTime * clockFreq);
    }

    @Override
    public double clockToPrintTime(long clock) {
        return clock / clockFreq;
    }

    @Override
    public long secondsToClock(double seconds) {
        return (long) (seconds * clockFreq);
    }

    @Override
    public long clock32ToClock64(long clock32) {
        return clock32;
    }

    @Override
    public double estimatedPrintTime(double eventtime) {
        return eventtime - printTimeOffset;
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
        flushCallbacks.add(callback);
    }

    @Override
    public boolean isFileoutput() {
        return true;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }
}
