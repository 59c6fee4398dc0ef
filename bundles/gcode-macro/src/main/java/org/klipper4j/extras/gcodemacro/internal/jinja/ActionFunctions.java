/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;

/**
 * Jinjava calls functions through static methods; these forward {@code action_*(...)}
 * to the {@link TemplateAction} of that name in the rendering context, so each
 * printer (and each caller) supplies its own.
 */
public final class ActionFunctions {

    /** The action names Klipper puts in every template context. */
    public static final List<String> NAMES = List.of("action_respond_info", "action_raise_error",
            "action_emergency_stop", "action_call_remote_method");

    private ActionFunctions() {
    }

    static List<ELFunctionDefinition> definitions() {
        List<ELFunctionDefinition> defs = new ArrayList<>();
        for (String name : NAMES) {
            defs.add(new ELFunctionDefinition("", name, ActionFunctions.class, javaName(name), Object[].class));
        }
        return defs;
    }

    private static String javaName(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    public static Object actionRespondInfo(Object... args) {
        return call("action_respond_info", args);
    }

    public static Object actionRaiseError(Object... args) {
        return call("action_raise_error", args);
    }

    public static Object actionEmergencyStop(Object... args) {
        return call("action_emergency_stop", args);
    }

    public static Object actionCallRemoteMethod(Object... args) {
        return call("action_call_remote_method", args);
    }

    private static Object call(String name, Object[] args) {
        RenderState state = RenderState.current();
        if (state != null && state.failed()) {
            return "";  // an earlier action raised: Jinja2 would have stopped there
        }
        Object target = JinjavaInterpreter.getCurrentMaybe().map(i -> i.getContext().get(name)).orElse(null);
        if (!(target instanceof TemplateAction action)) {
            throw new IllegalStateException("'" + name + "' is undefined");
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof NamedParameter p) {
                kwargs.put(p.getName(), p.getValue());
            } else {
                positional.add(a);
            }
        }
        try {
            return action.call(positional, kwargs);
        } catch (RuntimeException e) {
            if (state != null) {
                state.fail(e);
            }
            throw e;
        }
    }
}
