/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

import java.util.List;
import java.util.Map;

/**
 * The running host as an OSGi service: what tools, integration tests and other
 * front-ends use from outside the reactor. Every method is thread-safe; work is
 * handed to the reactor thread and waited for.
 */
public interface PrinterHost {

    PrinterState getState();

    String getStateMessage();

    /**
     * Runs a G-code script as the API's {@code gcode/script} does and returns the
     * response lines it produced.
     *
     * @throws org.klipper4j.core.api.gcode.CommandError if the script failed (message as {@code !!} would show it)
     */
    List<String> runGCode(String script);

    /** Status of the named printer object ({@code null} fields: all of them); empty if there is no such object. */
    Map<String, Object> queryStatus(String objectName, List<String> fields);

    /** Names of the registered printer objects (as {@code objects/list}). */
    List<String> objectNames();

    /** Rebuilds the printer from the config (the RESTART path). */
    void restart();
}
