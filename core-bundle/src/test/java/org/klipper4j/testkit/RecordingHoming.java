/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Rail;

/**
 * A homing request that records what a kinematics asks of it: the axes it says it
 * homes and each {@code homeRails} call, in order. Starts with the axes the G28
 * asked for.
 */
public final class RecordingHoming implements Homing {
    /** One {@code homeRails} call. */
    public record RailsHomed(List<Rail> rails, double[] forcepos, double[] movepos) {
    }

    private List<Integer> axes;
    private final List<RailsHomed> calls = new ArrayList<>();

    /** {@code requestedAxes}: the axes G28 asked for (0 x, 1 y, 2 z). */
    public RecordingHoming(List<Integer> requestedAxes) {
        this.axes = List.copyOf(requestedAxes);
    }

    @Override
    public List<Integer> getAxes() {
        return axes;
    }

    @Override
    public void setAxes(List<Integer> newAxes) {
        axes = List.copyOf(newAxes);
    }

    @Override
    public void homeRails(List<Rail> rails, double[] forcepos, double[] movepos) {
        calls.add(new RailsHomed(rails, forcepos.clone(), movepos.clone()));
    }

    /** The {@code homeRails} calls so far, in order. */
    public List<RailsHomed> calls() {
        return List.copyOf(calls);
    }
}
