/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyStr;

import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's string methods ({@code 'a'.upper()}, {@code s.split(',')}, ...) and the axis
 * names of a {@link Coord}, ahead of Jinjava's own resolvers.
 */
final class PythonMethodResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof Coord coord && property instanceof String name) {
            Object value = coord.axis(name);
            if (value != null) {
                context.setPropertyResolved(true);
                return value;
            }
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof CharSequence) || !(method instanceof String name)) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result = stringMethod(base.toString(), name, args);
        if (result != NOT_HANDLED) {
            context.setPropertyResolved(true);
            return result;
        }
        return null;
    }

    private static final Object NOT_HANDLED = new Object();

    static Object stringMethod(String s, String name, Object[] args) {
        switch (name) {
            case "lower":
                return s.toLowerCase(Locale.ROOT);
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "strip":
                return strip(s, arg(args, 0), true, true);
            case "lstrip":
                return strip(s, arg(args, 0), true, false);
            case "rstrip":
                return strip(s, arg(args, 0), false, true);
            case "split":
                return split(s, arg(args, 0), args.length > 1 ? ((Number) args[1]).intValue() : -1);
            case "startswith":
                return matchAny(arg(args, 0), p -> s.startsWith(p));
            case "endswith":
                return matchAny(arg(args, 0), p -> s.endsWith(p));
            case "replace":
                return replace(s, PyStr.str(arg(args, 0)), PyStr.str(arg(args, 1)),
                        args.length > 2 ? ((Number) args[2]).intValue() : -1);
            case "find":
                return (long) s.indexOf(PyStr.str(arg(args, 0)));
            case "count":
                return count(s, PyStr.str(arg(args, 0)));
            case "join":
                return join(s, arg(args, 0));
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
                        + s.substring(1).toLowerCase(Locale.ROOT);
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            default:
                return NOT_HANDLED;
        }
    }

    private static Object arg(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    private static String strip(String s, Object chars, boolean left, boolean right) {
        String set = chars == null ? null : chars.toString();
        int start = 0;
        int end = s.length();
        while (left && start < end && (set == null ? Character.isWhitespace(s.charAt(start))
                : set.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (set == null ? Character.isWhitespace(s.charAt(end - 1))
                : set.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's split: on runs of whitespace without a separator, else on each separator. */
    private static List<String> split(String s, Object sep, int maxsplit) {
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            String rest = s.strip();
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && parts.size() == maxsplit) {
                    parts.add(rest);
                    return parts;
                }
                String[] two = rest.split("\\s+", 2);
                parts.add(two[0]);
                rest = two.length > 1 ? two[1] : "";
            }
            return parts;
        }
        String separator = sep.toString();
        if (separator.isEmpty()) {
            throw new PyException("ValueError", "empty separator");
        }
        int from = 0;
        while (maxsplit < 0 || parts.size() < maxsplit) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static boolean matchAny(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof Collection<?> many) {
            return many.stream().map(PyStr::str).anyMatch(test);
        }
        return test.test(PyStr.str(prefixes));
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (int done = 0; done < count; done++) {
            int at = s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            sb.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return sb.append(s.substring(from)).toString();
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }

    private static String join(String sep, Object items) {
        Iterable<?> it = items instanceof Iterable<?> i ? i
                : items instanceof Object[] a ? Arrays.asList(a) : List.of(PyStr.str(items).split(""));
        StringBuilder sb = new StringBuilder();
        Iterator<?> iter = it.iterator();
        while (iter.hasNext()) {
            sb.append(PyStr.str(iter.next()));
            if (iter.hasNext()) {
                sb.append(sep);
            }
        }
        return sb.toString();
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: other resolvers decide
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof Coord ? String.class : null;
    }
}
