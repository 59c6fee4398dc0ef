/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.s16;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u16;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.ArrayDeque;
import java.util.Map;

/**
 * Steppers (stepper.c): queue_step moves of {@code count} steps, the first {@code interval}
 * ticks after the previous step, each later one {@code add} ticks longer than the one
 * before. Every step is counted and moves the position (+1 with dir=1, -1 with dir=0).
 */
final class Steppers implements FirmwareModule {
    private record Move(long interval, int count, int add, boolean dir) {
    }

    final class Stepper implements Trsyncs.Signal {
        private final String stepPin;
        private final Scheduler.Timer timer = new Scheduler.Timer(this::stepEvent);
        private final ArrayDeque<Move> queue = new ArrayDeque<>();
        private long nextStepTime;
        private long interval;
        private int add;
        private int count;
        private boolean dir;
        private boolean nextDir;
        private boolean needReset;
        /** nextStepTime holds reset_step_clock's 32-bit clock: the first interval is added before expanding. */
        private boolean clockIs32Bit;
        private long position;
        private long steps;

        Stepper(String stepPin) {
            this.stepPin = stepPin;
        }

        void queueStep(long moveInterval, int moveCount, int moveAdd) {
            if (moveCount == 0) {
                throw fw.shutdown("Invalid count parameter");
            }
            fw.allocMove();
            Move m = new Move(moveInterval, moveCount, moveAdd, nextDir);
            if (count > 0) {
                queue.add(m);
            } else if (needReset) {
                fw.freeMove();
            } else {
                queue.add(m);
                loadNext();
                fw.addTimer(timer, nextStepTime);
            }
        }

        private void loadNext() {
            Move m = queue.poll();
            fw.freeMove();
            if (clockIs32Bit) {
                // as the firmware's 32-bit timers: after "reset_step_clock clock=0" the interval is an absolute clock
                nextStepTime = fw.expand(Firmware.clock32(nextStepTime + m.interval()));
                clockIs32Bit = false;
            } else {
                nextStepTime += m.interval();
            }
            interval = m.interval() + m.add();
            add = m.add();
            count = m.count();
            dir = m.dir();
        }

        private long stepEvent(long waketime) {
            position += dir ? 1 : -1;
            steps++;
            fw.plant().step(stepPin, dir ? 1 : -1);
            count--;
            if (count > 0) {
                nextStepTime += interval;
                interval += add;
                return Math.max(nextStepTime, waketime);
            }
            if (queue.isEmpty()) {
                return Scheduler.DONE;
            }
            loadNext();
            if (nextStepTime < waketime - FirmwareDictionary.CLOCK_FREQ / 1000) {
                throw fw.shutdown("Stepper too far in past");
            }
            return Math.max(nextStepTime, waketime);
        }

        @Override
        public void trigger(int reason) {
            stop();
        }

        void stop() {
            fw.removeTimer(timer);
            for (int i = 0; i < queue.size(); i++) {
                fw.freeMove();
            }
            queue.clear();
            nextStepTime = 0;
            clockIs32Bit = false;
            count = 0;
            dir = false;
            nextDir = false;
            needReset = true;
        }
    }

    private final Firmware fw;
    private final Trsyncs trsyncs;

    Steppers(Firmware fw, Trsyncs trsyncs) {
        this.fw = fw;
        this.trsyncs = trsyncs;
    }

    private Stepper lookup(Object oid) {
        return fw.oids().lookup(u8(oid), Stepper.class);
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_stepper", a -> {
            Pins.pin(fw, a[2]);
            fw.oids().assign(u8(a[0]), new Stepper(Pins.pin(fw, a[1])));
        });
        c.put("queue_step", a -> lookup(a[0]).queueStep(u32(a[1]), u16(a[2]), s16(a[3])));
        c.put("set_next_step_dir", a -> lookup(a[0]).nextDir = u8(a[1]) != 0);
        c.put("reset_step_clock", a -> {
            Stepper s = lookup(a[0]);
            if (s.count > 0) {
                throw fw.shutdown("Can't reset time when stepper active");
            }
            s.nextStepTime = u32(a[1]);
            s.clockIs32Bit = true;
            s.needReset = false;
        });
        c.put("stepper_get_position", a -> fw.send("stepper_position", u8(a[0]), (long) (int) lookup(a[0]).position));
        c.put("stepper_stop_on_trigger", a -> {
            Stepper s = lookup(a[0]);
            trsyncs.lookup(u8(a[1])).addSignal(s);
        });
    }

    @Override
    public void onShutdown() {
        for (OidTable.Entry<Stepper> e : fw.oids().all(Stepper.class)) {
            e.object().stop();
        }
    }

    long stepCount(String stepPin) {
        return find(stepPin).steps;
    }

    long position(String stepPin) {
        return find(stepPin).position;
    }

    private Stepper find(String stepPin) {
        for (OidTable.Entry<Stepper> e : fw.oids().all(Stepper.class)) {
            if (e.object().stepPin.equals(stepPin)) {
                return e.object();
            }
        }
        throw new IllegalArgumentException("No stepper on step pin " + stepPin);
    }
}
