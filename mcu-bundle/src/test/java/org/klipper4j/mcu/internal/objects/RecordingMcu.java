/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * A fake MCU that records what the objects configure and send: config, init and restart
 * commands as text, run-time commands with their parameters, clocks and queue. Clocks are
 * {@code printTime * frequency}, as Klipper's clock sync gives in batch mode.
 */
final class RecordingMcu implements Mcu {
    /** A command as sent: its name, parameters, scheduling clocks and queue. */
    record Sent(String format, List<Object> params, long minclock, long reqclock, CommandQueue queue) {
        String name() {
            return format.split(" ")[0];
        }

        Object param(int index) {
            return params.get(index);
        }

        /** The command as Klipper's decoder prints it: {@code name k=v ...}, buffers in hex, clocks as 32 bits. */
        String text() {
            String[] parts = format.split(" ");
            StringBuilder text = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                String key = parts[i].substring(0, parts[i].indexOf('='));
                Object value = params.get(i - 1);
                String shown = value instanceof byte[] bytes ? McuLimits.hex(bytes)
                        : parts[i].endsWith("%u") ? Long.toString(((Number) value).longValue() & 0xffffffffL)
                        : value.toString();
                text.append(' ').append(key).append('=').append(shown);
            }
            return text.toString();
        }
    }

    private static final class Queue implements CommandQueue {
    }

    static final List<String> ATMEGA_COMMANDS = List.of(
            "config_digital_out oid=%c pin=%u value=%c default_value=%c max_duration=%u",
            "update_digital_out oid=%c value=%c",
            "queue_digital_out oid=%c clock=%u on_ticks=%u",
            "set_digital_out_pwm_cycle oid=%c cycle_ticks=%u",
            "config_pwm_out oid=%c pin=%u cycle_ticks=%u value=%hu default_value=%hu max_duration=%u",
            "queue_pwm_out oid=%c clock=%u value=%hu",
            "config_analog_in oid=%c pin=%u",
            McuAdcImpl.QUERY_FORMAT,
            "config_endstop oid=%c pin=%c pull_up=%c",
            "endstop_home oid=%c clock=%u sample_ticks=%u sample_count=%c rest_ticks=%u pin_value=%c"
                    + " trsync_oid=%c trigger_reason=%c",
            "endstop_query_state oid=%c",
            "config_trsync oid=%c",
            "trsync_start oid=%c report_clock=%u report_ticks=%u expire_reason=%c",
            "trsync_set_timeout oid=%c clock=%u",
            TrsyncImpl.TRIGGER_FORMAT,
            "stepper_stop_on_trigger oid=%c trsync_oid=%c",
            "config_spi oid=%c pin=%u cs_active_high=%c",
            "config_spi_without_cs oid=%c",
            "spi_set_bus oid=%c spi_bus=%u mode=%u rate=%u",
            McuSpiImpl.SW_BUS_FORMAT,
            "spi_send oid=%c data=%*s",
            "spi_transfer oid=%c data=%*s",
            "config_i2c oid=%c",
            "i2c_set_bus oid=%c i2c_bus=%u rate=%u address=%u",
            "i2c_set_sw_bus oid=%c scl_pin=%u sda_pin=%u pulse_ticks=%u address=%u",
            McuI2cImpl.TRANSFER_FORMAT);

    private final String name;
    private final FakePrinter printer;
    private final double frequency;
    final Map<String, Object> constants = new HashMap<>();
    final Map<String, Map<String, Integer>> enumerations = new HashMap<>();
    final Set<String> commands = new HashSet<>(ATMEGA_COMMANDS);
    final List<String> configCmds = new ArrayList<>();
    final List<String> initCmds = new ArrayList<>();
    final List<String> restartCmds = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final Map<Integer, Long> querySlots = new HashMap<>();
    /** Scripted answers of query commands, by response name, in order. */
    final Map<String, Deque<Map<String, Object>>> queryAnswers = new HashMap<>();
    private final List<Runnable> configCallbacks = new ArrayList<>();
    private final Map<String, McuResponseHandler> handlers = new LinkedHashMap<>();
    private int oidCount;
    boolean fileoutput;
    double estimatedPrintTime;
    /** The 64-bit clock the MCU is at, to extend 32-bit clocks from responses. */
    long currentClock;

    RecordingMcu(String name, FakePrinter printer, double frequency) {
        this.name = name;
        this.printer = printer;
        this.frequency = frequency;
        constants.put("CLOCK_FREQ", frequency);
        constants.put("ADC_MAX", 1023.0);
        constants.put("PWM_MAX", 255.0);
        enumerations.put("spi_bus", Map.of("spi", 0));
        enumerations.put("i2c_bus", Map.of("twi", 0));
        printer.addObject("mcu".equals(name) ? "mcu" : "mcu " + name, this);
    }

    /** Runs the config callbacks, as the MCU does before sending its config. */
    void buildConfig() {
        for (Runnable callback : configCallbacks) {
            callback.run();
        }
    }

    /** Delivers a response to the handler registered for {@code name} and {@code oid}. */
    void deliver(String responseName, int oid, Map<String, Object> params) {
        McuResponseHandler handler = handlers.get(responseName + "/" + oid);
        if (handler == null) {
            throw new AssertionError("no handler for " + responseName + " oid=" + oid);
        }
        Map<String, Object> full = new HashMap<>(params);
        full.put("#name", responseName);
        full.put("oid", oid);
        handler.handle(full);
    }

    void answer(String responseName, Map<String, Object> params) {
        queryAnswers.computeIfAbsent(responseName, k -> new ArrayDeque<>()).add(params);
    }

    List<Sent> sentNamed(String commandName) {
        return sent.stream().filter(s -> s.name().equals(commandName)).toList();
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
        return oidCount++;
    }

    @Override
    public void registerConfigCallback(Runnable callback) {
        configCallbacks.add(callback);
    }

    @Override
    public void addConfigCommand(String command, boolean isInit, boolean onRestart) {
        if (onRestart) {
            restartCmds.add(command);
        } else if (isInit) {
            initCmds.add(command);
        } else {
            configCmds.add(command);
        }
    }

    @Override
    public CommandQueue allocCommandQueue() {
        return new Queue();
    }

    private void requireCommand(String format) {
        if (!commands.contains(format)) {
            throw new AssertionError("command not in the dictionary: " + format);
        }
    }

    @Override
    public McuCommand lookupCommand(String format, CommandQueue queue) {
        requireCommand(format);
        return (minclock, reqclock, params) -> sent.add(
                new Sent(format, Arrays.asList(params), minclock, reqclock, queue));
    }

    @Override
    public McuQueryCommand lookupQueryCommand(String format, String responseFormat, int oid, CommandQueue queue,
            boolean isAsync) {
        requireCommand(format);
        String responseName = responseFormat.split(" ")[0];
        return new McuQueryCommand() {
            @Override
            public Map<String, Object> send(Object... params) {
                return sendScheduled(0, 0, params);
            }

            @Override
            public Map<String, Object> sendScheduled(long minclock, long reqclock, Object... params) {
                sent.add(new Sent(format, Arrays.asList(params), minclock, reqclock, queue));
                Deque<Map<String, Object>> answers = queryAnswers.get(responseName);
                if (answers == null || answers.isEmpty()) {
                    throw new AssertionError("no answer scripted for " + responseName);
                }
                return answers.poll();
            }
        };
    }

    @Override
    public boolean hasCommand(String format) {
        return commands.contains(format);
    }

    @Override
    public int lookupCommandTag(String format) {
        return format.hashCode();
    }

    @Override
    public void registerResponse(McuResponseHandler handler, String responseName, Integer oid) {
        handlers.put(responseName + "/" + oid, handler);
    }

    @Override
    public Map<String, Object> getConstants() {
        return constants;
    }

    @Override
    public double getConstantFloat(String constant) {
        Object value = constants.get(constant);
        if (value == null) {
            throw new ConfigException("Firmware constant '" + constant + "' not found");
        }
        return ((Number) value).doubleValue();
    }

    @Override
    public Map<String, Map<String, Integer>> getEnumerations() {
        return enumerations;
    }

    @Override
    public long printTimeToClock(double printTime) {
        return (long) (printTime * frequency);
    }

    @Override
    public double clockToPrintTime(long clock) {
        return clock / frequency;
    }

    @Override
    public long secondsToClock(double seconds) {
        return (long) (seconds * frequency);
    }

    @Override
    public long clock32ToClock64(long clock32) {
        long diff = (clock32 - currentClock) & 0xffffffffL;
        if ((diff & 0x80000000L) != 0) {
            diff -= 0x100000000L;
        }
        return currentClock + diff;
    }

    @Override
    public double estimatedPrintTime(double eventtime) {
        return estimatedPrintTime;
    }

    @Override
    public double getMaxStepperError() {
        return 0.000025;
    }

    @Override
    public long getQuerySlot(int oid) {
        return querySlots.getOrDefault(oid, 0L);
    }

    @Override
    public void registerFlushCallback(DoubleConsumer callback) {
    }

    @Override
    public boolean isFileoutput() {
        return fileoutput;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public Object setupPin(String pinType, PinParams params) {
        return McuObjectFactory.create(pinType, this, params);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of();
    }
}
