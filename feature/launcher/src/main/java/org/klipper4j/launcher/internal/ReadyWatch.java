/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.lang.reflect.Method;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Notes when the printer first reports the ready state, by polling the core's
 * PrinterHost service. The launcher does not see the core's API classes, so the
 * state is read by reflection and compared by name.
 */
final class ReadyWatch implements Runnable {
    private static final String HOST_SERVICE = "org.klipper4j.core.api.PrinterHost";
    private static final long POLL_MS = 1;

    private final BundleContext context;
    private volatile long readyNanos = -1;
    private volatile boolean stopped;

    ReadyWatch(BundleContext context) {
        this.context = context;
    }

    /** Starts watching in a daemon thread. */
    static ReadyWatch start(BundleContext context) {
        ReadyWatch watch = new ReadyWatch(context);
        Thread t = new Thread(watch, "klipper4j-bench-ready");
        t.setDaemon(true);
        t.start();
        return watch;
    }

    @Override
    public void run() {
        while (!stopped && readyNanos < 0) {
            try {
                if (isReady()) {
                    readyNanos = System.nanoTime();
                    return;
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | ReflectiveOperationException e) {
                // the framework is stopping or the service went away: nothing more to see
                return;
            }
        }
    }

    private boolean isReady() throws ReflectiveOperationException {
        ServiceReference<?> ref = context.getServiceReference(HOST_SERVICE);
        if (ref == null) {
            return false;
        }
        Object host = context.getService(ref);
        if (host == null) {
            return false;
        }
        try {
            Method getState = host.getClass().getClassLoader().loadClass(HOST_SERVICE).getMethod("getState");
            Object state = getState.invoke(host);
            return state instanceof Enum<?> e && e.name().equals("READY");
        } finally {
            context.ungetService(ref);
        }
    }

    /** The System.nanoTime() when the printer was first seen ready, or -1 if it never was. */
    long readyNanos() {
        return readyNanos;
    }

    void stop() {
        stopped = true;
    }
}
