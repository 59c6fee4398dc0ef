/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.util.Map;

/** A command that waits for its response (Klipper's query commands). Waiting lets the reactor run. */
public interface McuQueryCommand {
    /** Sends and waits for the response; the parameters by name. */
    Map<String, Object> send(Object... params);

    Map<String, Object> sendScheduled(long minclock, long reqclock, Object... params);
}
