/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.util.List;
import java.util.Map;

/** A function a template may call through its context ({@code action_respond_info(...)}). */
@FunctionalInterface
public interface TemplateAction {
    /** Runs with positional and keyword arguments; the result is printed (usually ""). */
    Object call(List<Object> args, Map<String, Object> kwargs);
}
