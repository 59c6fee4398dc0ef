/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

/**
 * The first error an action raised during one render. Jinjava records errors and goes
 * on rendering; Jinja2 stops, so later actions are skipped and the error is rethrown.
 */
final class RenderState {

    private static final ThreadLocal<RenderState> CURRENT = new ThreadLocal<>();

    private RuntimeException error;

    static RenderState current() {
        return CURRENT.get();
    }

    /** Makes a fresh state current; returns the one it replaces (renders may nest). */
    static RenderState begin(RenderState fresh) {
        RenderState previous = CURRENT.get();
        CURRENT.set(fresh);
        return previous;
    }

    static void end(RenderState previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    boolean failed() {
        return error != null;
    }

    void fail(RuntimeException e) {
        if (error == null) {
            error = e;
        }
    }

    RuntimeException error() {
        return error;
    }
}
