/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klipper4j.mcu.protocol.ByteCursor;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.MessageKind;
import org.klipper4j.mcu.protocol.ProtocolException;

/**
 * The virtual board's firmware: receives message blocks, dispatches commands, runs timers
 * and handles shutdown as Klipper's firmware does. Single-threaded: the caller gives the
 * time ({@link #advanceTo}) and the bytes ({@link #receive}); responses go to the output.
 */
public final class Firmware {
    /** Where the firmware's bytes go. */
    public interface Output {
        void write(byte[] block);
    }

    /** Sees every command the firmware receives, in order, as text ("name p1=v1 ..."). */
    public interface CommandListener {
        void command(String text);
    }

    /** Commands the firmware still runs while shut down (HF_IN_SHUTDOWN). */
    private static final Set<String> RUN_IN_SHUTDOWN = Set.of("identify", "get_uptime", "get_clock", "get_config",
            "clear_shutdown", "emergency_stop", "reset", "debug_nop", "debug_ping");
    private static final long MOVE_COUNT = 1024;

    private final FirmwareDictionary dict;
    private final Plant plant;
    private final Output output;
    private final Runnable resetRequest;
    private final long lateTimerLimit;
    private final FrameReceiver receiver = new FrameReceiver(new FrameReceiver.Handler() {
        @Override
        public void onBlock(byte[] buf, int off, int len) {
            dispatchBlock(buf, off, len);
        }

        @Override
        public void sendAck() {
            writeBlock(new byte[0], 0);
        }
    });
    private final Scheduler scheduler = new Scheduler();
    private final OidTable oids = new OidTable(this);
    private final Map<String, FirmwareModule.Command> commands = new HashMap<>();
    private final List<FirmwareModule> modules;
    private final BaseCommands base;
    private final Steppers steppers;
    private long now;
    private boolean shutdown;
    private String shutdownReason;
    private long movesInUse;
    private long statsCount;
    private long nextStats;
    private CommandListener commandListener = text -> { };

    /**
     * @param lateTimerLimit ticks a timer may run late before the firmware shuts down
     *        ("Rescheduled timer in the past"); {@link Long#MAX_VALUE} for simulated time
     * @param resetRequest called when the host sends {@code reset}
     */
    public Firmware(FirmwareDictionary dict, Plant plant, Output output, long startTime, long lateTimerLimit,
            Runnable resetRequest) {
        this.dict = dict;
        this.plant = plant;
        this.output = output;
        this.now = startTime;
        this.lateTimerLimit = lateTimerLimit;
        this.resetRequest = resetRequest;
        this.nextStats = startTime + 5 * FirmwareDictionary.CLOCK_FREQ;
        Trsyncs trsyncs = new Trsyncs(this);
        this.base = new BaseCommands(this, dict);
        this.steppers = new Steppers(this, trsyncs);
        this.modules = List.of(base, new DigitalOutputs(this), new PwmOutputs(this), new AnalogInputs(this),
                steppers, trsyncs, new Endstops(this, trsyncs), new BusStubs(this), new TmcUarts(this));
        for (FirmwareModule m : modules) {
            m.registerCommands(commands);
        }
        for (MessageFormat f : dict.parsed().messages(MessageKind.COMMAND)) {
            if (!commands.containsKey(f.name())) {
                throw new IllegalStateException("The dictionary declares '" + f.name() + "' but nothing runs it");
            }
        }
    }

    // ---- input and output

    /** Records received commands (tests compare them with what the host sent). */
    public void setCommandListener(CommandListener listener) {
        this.commandListener = listener;
    }

    /** Bytes from the host, handled at the current time. */
    public void receive(byte[] data, int off, int len) {
        receiver.feed(data, off, len);
    }

    private void dispatchBlock(byte[] buf, int off, int len) {
        ByteCursor cur = new ByteCursor(buf, off, off + len);
        try {
            while (cur.hasRemaining()) {
                statsCount++;
                MessageFormat f = decodeCommand(cur);
                Object[] args;
                try {
                    args = f.decodeValues(cur);
                } catch (ProtocolException e) {
                    throw shutdown("Command parser error");
                }
                commandListener.command(f.toText(args));
                if (shutdown && !RUN_IN_SHUTDOWN.contains(f.name())) {
                    send("is_shutdown", FirmwareDictionary.staticStringId(shutdownReason));
                    continue;
                }
                commands.get(f.name()).run(args);
            }
        } catch (ShutdownException e) {
            enterShutdown(e.reason());
        }
    }

    private MessageFormat decodeCommand(ByteCursor cur) {
        long id;
        try {
            id = cur.readVlq();
        } catch (ProtocolException e) {
            throw shutdown("Command parser error");
        }
        MessageFormat f = id >= Integer.MIN_VALUE && id <= Integer.MAX_VALUE ? dict.parsed().byId((int) id) : null;
        if (f == null || !commands.containsKey(f.name())) {
            throw shutdown("Invalid command");
        }
        return f;
    }

    /** Sends one response in its own block, as the firmware's sendf does. */
    void send(String response, Object... values) {
        MessageFormat f = dict.parsed().byName(response);
        byte[] content = f.encode(values);
        writeBlock(content, content.length);
    }

    private void writeBlock(byte[] content, int len) {
        output.write(MessageBlock.frame(receiver.nextSequence(), content, 0, len));
    }

    // ---- time and timers

    /** The current time in ticks (64-bit; the host sees the low 32 bits). */
    public long now() {
        return now;
    }

    /** A 32-bit clock from the host, as the 64-bit time nearest to now. */
    long expand(long clock32) {
        return now + (int) (clock32 - now);
    }

    static long clock32(long time) {
        return time & 0xffffffffL;
    }

    public double seconds(long time) {
        return time / (double) FirmwareDictionary.CLOCK_FREQ;
    }

    /** Adds a timer; one that would be the earliest and is already past shuts the firmware down. */
    void addTimer(Scheduler.Timer t, long waketime) {
        if (waketime < now && waketime < scheduler.nextWake()) {
            throw shutdown("Timer too close");
        }
        scheduler.add(t, waketime);
    }

    /** Adds a timer without the "Timer too close" check (the firmware's own shutdown handlers). */
    void scheduleUnchecked(Scheduler.Timer t, long waketime) {
        scheduler.add(t, waketime);
    }

    void removeTimer(Scheduler.Timer t) {
        scheduler.remove(t);
    }

    /** Runs every timer due up to {@code target}, in time order, then sets the time to it. */
    public void advanceTo(long target) {
        for (;;) {
            Scheduler.Timer t = scheduler.pollDue(target);
            if (t == null) {
                break;
            }
            long wake = t.waketime();
            now = Math.max(now, wake);
            statsCount++;
            try {
                if (target - wake > lateTimerLimit) {
                    throw shutdown("Rescheduled timer in the past");
                }
                long next = scheduler.fire(t);
                if (next != Scheduler.DONE) {
                    scheduler.add(t, next);
                }
            } catch (ShutdownException e) {
                enterShutdown(e.reason());
            }
        }
        now = Math.max(now, target);
        while (now >= nextStats) {
            long count = Math.max(1, statsCount);
            send("stats", count, count * 200, count * 156);
            statsCount = 0;
            nextStats += 5 * FirmwareDictionary.CLOCK_FREQ;
        }
    }

    /** Wake time of the next timer, or {@link Long#MAX_VALUE}. */
    public long nextWake() {
        return Math.min(scheduler.nextWake(), nextStats);
    }

    // ---- shutdown

    /** The exception that shuts the firmware down; {@code throw fw.shutdown("...")}. */
    ShutdownException shutdown(String reason) {
        FirmwareDictionary.staticStringId(reason);
        return new ShutdownException(reason);
    }

    /** Shuts down unless already shut down (the firmware's try_shutdown). */
    void tryShutdown(String reason) {
        if (!shutdown) {
            throw shutdown(reason);
        }
    }

    private void enterShutdown(String reason) {
        if (!shutdown) {
            shutdownReason = reason;
        }
        shutdown = true;
        scheduler.clear();
        movesInUse = 0;
        for (FirmwareModule m : modules) {
            m.onShutdown();
        }
        send("shutdown", clock32(now), FirmwareDictionary.staticStringId(shutdownReason));
    }

    void clearShutdown() {
        if (!shutdown) {
            throw shutdown("Shutdown cleared when not shutdown");
        }
        shutdown = false;
    }

    public boolean isShutdown() {
        return shutdown;
    }

    /** The static string of the (first) shutdown reason, or null. */
    public String shutdownReason() {
        return shutdown ? shutdownReason : null;
    }

    void requestReset() {
        resetRequest.run();
    }

    // ---- shared state

    OidTable oids() {
        return oids;
    }

    Plant plant() {
        return plant;
    }

    long moveCount() {
        return oids.isFinalized() ? MOVE_COUNT : 0;
    }

    /** Takes one slot of the move queue shared by steppers and scheduled outputs. */
    void allocMove() {
        if (movesInUse >= moveCount()) {
            throw shutdown("Move queue overflow");
        }
        movesInUse++;
    }

    void freeMove() {
        if (movesInUse > 0) {
            movesInUse--;
        }
    }

    /** Steps taken so far by the stepper on this step pin (for tests and tools). */
    public long stepCount(String stepPin) {
        return steppers.stepCount(stepPin);
    }

    /** MCU position of the stepper on this step pin, as stepper_get_position reports it. */
    public long stepperPosition(String stepPin) {
        return steppers.position(stepPin);
    }

    public int sequence() {
        return receiver.nextSequence();
    }
}
