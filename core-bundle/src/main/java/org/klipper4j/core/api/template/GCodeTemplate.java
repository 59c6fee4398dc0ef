/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.template;

import java.util.Map;

import org.klipper4j.core.api.gcode.CommandError;

/** A compiled template (Klipper's {@code TemplateWrapper}). Reactor thread only. */
public interface GCodeTemplate {

    /**
     * A fresh context holding {@code printer} (status of every object, read when
     * accessed) and the {@code action_*} functions; callers add their own names
     * ({@code params}, {@code rawparams}, ...).
     */
    Map<String, Object> createContext();

    /**
     * Renders with {@code context} (a fresh {@link #createContext()} when null).
     *
     * @throws CommandError with Klipper's "Error evaluating '...': ..." message
     */
    String render(Map<String, Object> context);

    /** Renders and runs the result as G-code in the current command's context. */
    void runGCodeFromCommand(Map<String, Object> context);
}
