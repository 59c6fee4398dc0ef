/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Stepper;

/**
 * A {@code [dual_carriage NAME]}: a second carriage on the axis of its
 * {@code primary_carriage} with its own rail (or, without one, a carriage of its
 * own {@code axis} that another dual carriage may pair with).
 */
final class DualCarriage implements Carriage {
    private final CarriageRail rail;
    private final String primaryName;
    private final Double safeDistance;
    private Integer axis;
    private Carriage primary;
    private DualCarriage partner;

    DualCarriage(ConfigSection config) {
        rail = new CarriageRail(config);
        primaryName = config.get("primary_carriage", null);
        if (primaryName == null) {
            axis = config.getChoice("axis", AXIS_CHOICES, null);
            safeDistance = null;
        } else {
            Map<String, Integer> choices = new LinkedHashMap<>(AXIS_CHOICES);
            choices.put("None", -1);
            int a = config.getChoice("axis", choices, "None");
            axis = a < 0 ? null : a;
            safeDistance = config.getFloat("safe_distance", null, Bounds.min(0.));
        }
    }

    /** Finds the primary carriage by name and pairs with it. */
    void resolvePrimary(Map<String, Carriage> carriages) {
        if (primaryName == null) {
            return;
        }
        Carriage p = carriages.get(primaryName);
        if (p == null) {
            throw new ConfigException("primary_carriage = '" + primaryName + "' for '" + getName()
                    + "' is not a valid choice");
        }
        primary = p;
        int primaryAxis = p.getAxis();
        if (axis != null && axis != primaryAxis) {
            throw new ConfigException("Mismatching axes between carriage '" + p.getName() + "' (axis="
                    + "xyz".charAt(primaryAxis) + ") and dual_carriage '" + getName() + "' (axis="
                    + "xyz".charAt(axis) + ")");
        }
        if (p.getDualCarriage() != null) {
            throw new ConfigException("Multiple dual carriages ('" + p.getDualCarriage().getName() + "', '"
                    + getName() + "') for carriage '" + p.getName() + "'");
        }
        if (p instanceof PrimaryCarriage pc) {
            pc.setDualCarriage(this);
        } else if (p instanceof DualCarriage dc) {
            dc.partner = this;
        }
        axis = primaryAxis;
        if (axis > 1) {
            throw new ConfigException("Invalid axis '" + "xyz".charAt(axis) + "' for dual_carriage '" + getName()
                    + "'");
        }
    }

    @Override
    public String getName() {
        return rail.shortName();
    }

    @Override
    public int getAxis() {
        return axis;
    }

    @Override
    public CarriageRail getRail() {
        return rail;
    }

    Double getSafeDistance() {
        return safeDistance;
    }

    /** The carriage named in {@code primary_carriage}, or null. */
    Carriage getPrimaryCarriage() {
        return primary;
    }

    @Override
    public Carriage getDualCarriage() {
        return partner != null ? partner : primary;
    }

    @Override
    public void addStepper(Stepper stepper) {
        rail.addStepper(stepper, null, null);
    }
}
