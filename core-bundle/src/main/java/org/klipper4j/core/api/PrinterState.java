/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/** The printer's overall state, as reported by {@code webhooks.state}. */
public enum PrinterState {
    STARTUP("startup"),
    READY("ready"),
    ERROR("error"),
    SHUTDOWN("shutdown");

    private final String wireName;

    PrinterState(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and the log. */
    public String wireName() {
        return wireName;
    }
}
