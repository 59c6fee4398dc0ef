/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;

/**
 * The {@code [resonance_tester]} section: test points, test frequencies and
 * accelerations, and which accelerometer measures which axis. At connect every
 * named chip must be a configured accelerometer. The measuring commands
 * (TEST_RESONANCES, SHAPER_CALIBRATE, MEASURE_AXES_NOISE) are not provided yet.
 */
public final class ResonanceTester {
    private final Printer printer;
    private final List<double[]> probePoints = new ArrayList<>();
    /** Axis ("x", "y", "xy" or "z") to chip section name, e.g. {@code adxl345} or {@code mpu9250 my_mpu}. */
    private final Map<String, String> accelChips = new LinkedHashMap<>();
    private final Map<String, Accelerometer> chips = new LinkedHashMap<>();
    private final TestParameters parameters;

    public ResonanceTester(ConfigSection config) {
        this.printer = config.getPrinter();
        this.parameters = new TestParameters(config);
        for (List<String> row : config.getLists("probe_points", null, ",")) {
            probePoints.add(parsePoint(config, row));
        }
        if (probePoints.isEmpty()) {
            throw config.error("Option 'probe_points' in section 'resonance_tester' must be specified");
        }
        String chipX = config.get("accel_chip_x", null);
        if (chipX == null || chipX.isBlank()) {
            accelChips.put("xy", config.get("accel_chip").strip());
        } else {
            String x = chipX.strip();
            String y = config.get("accel_chip_y").strip();
            if (x.equals(y)) {
                accelChips.put("xy", x);
            } else {
                accelChips.put("x", x);
                accelChips.put("y", y);
            }
        }
        String chipZ = config.get("accel_chip_z", null);
        if (chipZ != null && !chipZ.isBlank()) {
            accelChips.put("z", chipZ.strip());
        }
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> connect());
    }

    private static double[] parsePoint(ConfigSection config, List<String> row) {
        if (row.size() != 3) {
            throw config.error("Option 'probe_points' in section 'resonance_tester' must have 3 elements per point");
        }
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                p[i] = Double.parseDouble(row.get(i).strip());
            } catch (NumberFormatException e) {
                throw config.error("Unable to parse option 'probe_points' in section 'resonance_tester'");
            }
        }
        return p;
    }

    private void connect() {
        for (Map.Entry<String, String> e : accelChips.entrySet()) {
            Object chip = printer.lookupObject(e.getValue());
            if (!(chip instanceof Accelerometer accel)) {
                throw new ConfigException("'" + e.getValue() + "' is not an accelerometer");
            }
            chips.put(e.getKey(), accel);
        }
    }

    public List<double[]> probePoints() {
        return probePoints.stream().map(double[]::clone).toList();
    }

    /** Axis to chip section name. */
    public Map<String, String> accelChipNames() {
        return Map.copyOf(accelChips);
    }

    /** Axis to chip, once connected. */
    public Map<String, Accelerometer> accelChips() {
        return Map.copyOf(chips);
    }

    public TestParameters parameters() {
        return parameters;
    }

    /** The sweep settings of the test (Klipper's defaults). */
    public static final class TestParameters {
        public final double moveSpeed;
        public final double minFreq;
        public final double maxFreq;
        public final double maxFreqZ;
        public final double accelPerHz;
        public final double accelPerHzZ;
        public final double hzPerSec;
        public final double sweepingAccel;
        public final double sweepingAccelZ;
        public final double sweepingPeriod;
        public final Double maxSmoothing;

        TestParameters(ConfigSection config) {
            moveSpeed = config.getFloat("move_speed", 50., Bounds.above(0.));
            minFreq = config.getFloat("min_freq", 5., Bounds.min(1.));
            maxFreq = config.getFloat("max_freq", 135., Bounds.range(minFreq, 300.));
            maxFreqZ = config.getFloat("max_freq_z", 100., Bounds.range(minFreq, 300.));
            accelPerHz = config.getFloat("accel_per_hz", 60., Bounds.above(0.));
            accelPerHzZ = config.getFloat("accel_per_hz_z", 15., Bounds.above(0.));
            hzPerSec = config.getFloat("hz_per_sec", 1., Bounds.range(.1, 2.));
            sweepingAccel = config.getFloat("sweeping_accel", 400., Bounds.above(0.));
            sweepingAccelZ = config.getFloat("sweeping_accel_z", 50., Bounds.above(0.));
            sweepingPeriod = config.getFloat("sweeping_period", 1.2, Bounds.min(0.));
            maxSmoothing = config.getFloat("max_smoothing", null, Bounds.min(.05));
        }
    }
}
