/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;

/** A {@code [stepper NAME]} of generic_cartesian: the motor and the carriages whose motion it sums. */
final class KinematicStepper {
    private final Stepper stepper;
    private final GenericStepperKinematics kinematics;
    private double[] coeffs;
    private List<Carriage> carriages;

    KinematicStepper(ConfigSection config, Map<String, Carriage> known, MotionQueuing motionQueuing) {
        stepper = motionQueuing.createStepper(config, false);
        CarriagesExpression e = CarriagesExpression.parse(config.get("carriages"), known, ConfigException::new);
        if (!e.referencesAnAxis()) {
            throw new ConfigException("'" + stepper.getName() + "' must provide a valid 'carriages' configuration");
        }
        coeffs = e.coeffs();
        carriages = e.carriages();
        kinematics = new GenericStepperKinematics(coeffs);
        stepper.setStepperKinematics(kinematics);
        for (Carriage c : carriages) {
            c.addStepper(stepper);
        }
    }

    /** The section name, e.g. {@code stepper stepper_x}. */
    String getName() {
        return stepper.getName();
    }

    /** The name without {@code stepper }, e.g. {@code stepper_x}. */
    String getShortName() {
        String name = stepper.getName();
        return name.startsWith("stepper ") ? name.substring(8) : name;
    }

    Stepper getStepper() {
        return stepper;
    }

    double[] getCoeffs() {
        return coeffs.clone();
    }

    List<Carriage> getCarriages() {
        return carriages;
    }

    void setCoeffs(double[] newCoeffs) {
        coeffs = newCoeffs.clone();
        kinematics.setCoeffs(coeffs);
    }

    /** Puts back carriages and coefficients saved before a refused change. */
    void restore(List<Carriage> oldCarriages, double[] oldCoeffs) {
        carriages = oldCarriages;
        setCoeffs(oldCoeffs);
    }

    /** Re-reads {@code carriages} from a SET_STEPPER_CARRIAGES value. */
    void updateCarriages(String text, Map<String, Carriage> known, Function<String, RuntimeException> error) {
        CarriagesExpression e = CarriagesExpression.parse(text, known, error);
        if (!e.referencesAnAxis()) {
            throw error.apply("A valid string that references at least one carriage must be provided for '"
                    + getName() + "'");
        }
        carriages = e.carriages();
        setCoeffs(e.coeffs());
    }
}
