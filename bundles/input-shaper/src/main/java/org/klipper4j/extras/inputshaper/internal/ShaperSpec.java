/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shaper type as written by the user: a family name, optionally with
 * parameters given by position or by name, e.g. {@code mzv}, {@code mzv(5,0.6)}
 * (n=5 impulses over t=0.6 periods), {@code mzv(n=4,t=0.9)}, {@code ei(v_tol=0.02)},
 * or {@code custom} (impulses from shaper_a/shaper_t).
 */
public final class ShaperSpec {
    public static final String CUSTOM = "custom";
    private static final Pattern WITH_ARGS = Pattern.compile("(\\w+)\\s*\\((.*)\\)");

    private final String text;
    private final String family;
    private final Map<String, Double> params;

    private ShaperSpec(String text, String family, Map<String, Double> params) {
        this.text = text;
        this.family = family;
        this.params = params;
    }

    /**
     * Parses {@code text} (case-insensitive). Throws ShaperException: an unknown
     * family as "Unsupported shaper type: ...", bad parameters with what is wrong.
     */
    public static ShaperSpec parse(String text) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = WITH_ARGS.matcher(spec);
        String family = m.matches() ? m.group(1) : spec;
        if (!ShaperDefinitions.isKnown(family) && !family.equals(CUSTOM)) {
            throw new ShaperException("Unsupported shaper type: " + spec);
        }
        Map<String, Double> params = m.matches() ? parseArguments(family, m.group(2)) : Map.of();
        return new ShaperSpec(spec, family, params);
    }

    private static Map<String, Double> parseArguments(String family, String args) {
        List<String> names = ShaperDefinitions.parameterNames(family);
        List<Double> positional = new ArrayList<>();
        Map<String, Double> named = new LinkedHashMap<>();
        for (String raw : args.split(",")) {
            String arg = raw.strip();
            if (arg.isEmpty()) {
                continue;
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? null : arg.substring(0, eq).strip();
            double value = parseValue(eq < 0 ? arg : arg.substring(eq + 1).strip());
            if (key == null) {
                positional.add(value);
            } else if (!names.contains(key)) {
                throw new ShaperException("Unsupported parameter '" + key + "' for shaper " + family);
            } else {
                named.put(key, value);
            }
        }
        if (!positional.isEmpty() && !named.isEmpty()) {
            throw new ShaperException("Mixing named and non-named shaper parameters is not supported");
        }
        if (positional.size() > names.size()) {
            throw new ShaperException("Shaper " + family + " takes at most " + names.size() + " parameter(s), got "
                    + positional.size());
        }
        for (int i = 0; i < positional.size(); i++) {
            named.put(names.get(i), positional.get(i));
        }
        return Map.copyOf(named);
    }

    private static double parseValue(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ShaperException("Invalid shaper parameter value '" + v + "'");
        }
    }

    /** The type as reported back (lower case, as given). */
    public String text() {
        return text;
    }

    public String family() {
        return family;
    }

    public Map<String, Double> params() {
        return params;
    }

    public boolean isCustom() {
        return family.equals(CUSTOM);
    }

    /** The shaper at {@code freq} Hz with {@code damping}; not for custom shapers. Throws ShaperException. */
    public Shaper build(double freq, double damping) {
        return ShaperDefinitions.build(family, freq, damping, params);
    }
}
