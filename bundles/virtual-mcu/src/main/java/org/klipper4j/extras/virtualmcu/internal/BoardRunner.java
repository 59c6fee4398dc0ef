/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a virtual board in real time on its own thread: timers when they fall due, bytes
 * from the host as they arrive. A {@code reset} command reboots the firmware (a new one,
 * same plant); the clock keeps running.
 */
public final class BoardRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardRunner.class);
    private static final long MAX_WAIT_NANOS = 10_000_000L;
    private static final byte[] STOP = new byte[0];

    private final BoardClock clock = new BoardClock();
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    /** Makes the firmware that boots at {@code now}; {@code reset} is its reset callback. */
    public interface FirmwareFactory {
        Firmware create(long now, Runnable reset);
    }

    private final FirmwareFactory firmwareFactory;
    private final Thread thread;
    private Firmware firmware;
    private boolean resetPending;
    private volatile boolean running = true;

    public BoardRunner(String name, FirmwareFactory firmwareFactory) {
        this.firmwareFactory = firmwareFactory;
        this.firmware = firmwareFactory.create(clock.now(), () -> resetPending = true);
        this.thread = new Thread(this::run, "virtual-mcu-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    long now() {
        return clock.now();
    }

    /** Bytes from the host; handled on the board's thread. */
    public void receive(byte[] data) {
        inbox.add(data);
    }

    /** Runs {@code action} with the firmware while the board is not busy. */
    public synchronized <T> T inspect(Function<Firmware, T> action) {
        return action.apply(firmware);
    }

    private void run() {
        try {
            while (running) {
                long waitTicks;
                synchronized (this) {
                    waitTicks = firmware.nextWake() - clock.now();
                }
                long waitNanos = Math.max(0, Math.min(MAX_WAIT_NANOS, BoardClock.ticksToNanos(waitTicks)));
                byte[] data = waitNanos == 0 ? inbox.poll() : inbox.poll(waitNanos, TimeUnit.NANOSECONDS);
                if (data == STOP) {
                    break;
                }
                step(data);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void step(byte[] data) {
        try {
            firmware.advanceTo(clock.now());
            if (data != null) {
                firmware.receive(data, 0, data.length);
            }
        } catch (RuntimeException e) {
            // a defect of the simulation, not of the host: keep the board alive and say so
            LOG.error("Virtual MCU error: {}", e.toString(), e);
        }
        if (resetPending) {
            resetPending = false;
            firmware = firmwareFactory.create(clock.now(), () -> resetPending = true);
        }
    }

    @Override
    public void close() {
        running = false;
        inbox.add(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
