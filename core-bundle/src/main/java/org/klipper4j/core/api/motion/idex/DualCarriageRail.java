/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import java.util.List;

import org.klipper4j.core.api.motion.Rail;

/**
 * One carriage of a dual-carriage axis: its mode and the linear map from the
 * toolhead coordinate of its axis to its own position (scale 1 primary or copy,
 * -1 mirror, 0 parked at the offset).
 */
public final class DualCarriageRail {
    private final Rail rail;
    private final Rail dualRail;
    private final int axis;
    private final Double safeDistance;
    private final List<DualCarriageStepperKinematics> kinematics;
    private final Runnable transformListener;
    private CarriageMode mode;
    private double scale;
    private double offset;

    DualCarriageRail(Rail rail, Rail dualRail, int axis, Double safeDistance, boolean active,
            List<DualCarriageStepperKinematics> kinematics, Runnable transformListener) {
        this.rail = rail;
        this.dualRail = dualRail;
        this.axis = axis;
        this.safeDistance = safeDistance;
        this.kinematics = List.copyOf(kinematics);
        this.transformListener = transformListener;
        this.mode = active ? CarriageMode.PRIMARY : CarriageMode.INACTIVE;
        this.scale = active ? 1. : 0.;
    }

    /** The carriage's short name: {@code stepper_x}, {@code dual_carriage}, {@code carriage_u}. */
    public String getName() {
        return shortName(rail.getName());
    }

    static String shortName(String sectionName) {
        String[] words = sectionName.trim().split("\\s+");
        return words[words.length - 1];
    }

    public Rail getRail() {
        return rail;
    }

    /** The rail this carriage pairs with, or null. */
    public Rail getDualRail() {
        return dualRail;
    }

    public int getAxis() {
        return axis;
    }

    Double getSafeDistance() {
        return safeDistance;
    }

    public CarriageMode getMode() {
        return mode;
    }

    public double getScale() {
        return scale;
    }

    public double getOffset() {
        return offset;
    }

    public boolean isActive() {
        return mode != CarriageMode.INACTIVE;
    }

    /** Where this carriage is when the toolhead is at {@code position}. */
    public double getAxisPosition(double[] position) {
        return position[axis] * scale + offset;
    }

    /** Hands the current scale and offset to the steppers' kinematics. */
    public void applyTransform() {
        for (DualCarriageStepperKinematics sk : kinematics) {
            sk.setTransform(axis, scale, offset);
        }
        transformListener.run();
    }

    /**
     * Makes this carriage follow the toolhead in {@code newMode} from {@code position} on,
     * staying where it is now ({@code oldPosition}, or {@code position} if null).
     */
    public void activate(CarriageMode newMode, double[] position, double[] oldPosition) {
        double oldAxisPosition = getAxisPosition(oldPosition != null ? oldPosition : position);
        scale = newMode == CarriageMode.MIRROR ? -1. : 1.;
        offset = oldAxisPosition - position[axis] * scale;
        applyTransform();
        mode = newMode;
    }

    /** Parks this carriage where it is when the toolhead is at {@code position}. */
    public void inactivate(double[] position) {
        offset = getAxisPosition(position);
        scale = 0.;
        applyTransform();
        mode = CarriageMode.INACTIVE;
    }

    /** Changes the speed ratio to the toolhead (keeping the direction) without moving the carriage. */
    void overrideAxisScaling(double newScale, double[] position) {
        double oldAxisPosition = getAxisPosition(position);
        scale = Math.copySign(newScale, scale);
        offset = oldAxisPosition - position[axis] * scale;
        applyTransform();
    }
}
