/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stepper's {@code carriages:} value, e.g. {@code carriage_x-carriage_y} or
 * {@code 1*carriage_y+0.5*carriage_z}: the coefficient of each axis in the stepper's
 * position and the carriages it references, in order.
 */
record CarriagesExpression(double[] coeffs, List<Carriage> carriages) {

    /**
     * @param error makes the exception for a bad expression (a config or a command error)
     */
    static CarriagesExpression parse(String text, Map<String, Carriage> known,
            Function<String, RuntimeException> error) {
        double[] coeffs = new double[3];
        List<Carriage> referenced = new ArrayList<>();
        int next = 0;
        while (next < text.length()) {
            int end = nextSign(text, next + 1);
            String term = text.substring(next, end).strip();
            String[] parts = term.split("\\*", -1);
            if (parts.length != 1 && parts.length != 2) {
                throw error.apply("Invalid term '" + term + "' in '" + text + "'");
            }
            double coeff;
            String carriageName = parts[parts.length - 1];
            if (parts.length == 2) {
                try {
                    coeff = Double.parseDouble(parts[0]);
                } catch (NumberFormatException e) {
                    throw error.apply("Invalid float '" + parts[0] + "'");
                }
            } else {
                coeff = carriageName.startsWith("-") ? -1. : 1.;
                if (carriageName.startsWith("-") || carriageName.startsWith("+")) {
                    carriageName = carriageName.substring(1);
                }
            }
            Carriage carriage = known.get(carriageName);
            if (carriage == null) {
                throw error.apply("Invalid '" + carriageName + "' carriage referenced in '" + text + "'");
            }
            int axis = carriage.getAxis();
            if (coeffs[axis] != 0.) {
                throw error.apply("Axis '" + "xyz".charAt(axis) + "' was referenced multiple times by carriages in '"
                        + text + "'");
            }
            coeffs[axis] = coeff;
            referenced.add(carriage);
            next = end;
        }
        return new CarriagesExpression(coeffs, List.copyOf(referenced));
    }

    private static int nextSign(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return text.length();
    }

    boolean referencesAnAxis() {
        return coeffs[0] != 0. || coeffs[1] != 0. || coeffs[2] != 0.;
    }
}
