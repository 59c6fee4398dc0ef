/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.reactor.Reactor;

/**
 * A button whose changes count only once it has kept its new state for
 * {@code debounce_delay} seconds (Klipper's DebounceButton); the action gets the
 * time of the last change.
 */
final class DebounceButton {
    private final Reactor reactor;
    private final ButtonCallback action;
    private final double debounceDelay;
    /** The state last passed on; null before the first. */
    private Integer logicalState;
    private Integer physicalState;
    private double latestEventtime;

    DebounceButton(ConfigSection config, ButtonCallback action) {
        this.reactor = config.getPrinter().getReactor();
        this.action = action;
        this.debounceDelay = config.getFloat("debounce_delay", 0., Bounds.min(0.));
    }

    void buttonHandler(double eventtime, int state) {
        physicalState = state;
        latestEventtime = eventtime;
        if (physicalState.equals(logicalState)) {
            return;
        }
        reactor.registerCallback(this::debounceEvent, eventtime + debounceDelay);
    }

    private void debounceEvent(double eventtime) {
        if (physicalState.equals(logicalState)) {
            return;
        }
        // a later change supersedes this one
        if (eventtime - debounceDelay < latestEventtime) {
            return;
        }
        logicalState = physicalState;
        action.onChange(latestEventtime, logicalState);
    }
}
