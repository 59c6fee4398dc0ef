/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A host-side bang-bang controller closes the loop through the board: it reads the
 * thermistor reports, and every report schedules the heater on or off 0.1 s later, with
 * Klipper's 3 s max_duration. The hotend reaches its target and holds it.
 */
class HeaterLoopTest {
    private static final long FREQ = TestHost.FREQ;
    private static final long REPORT = 15_000_000; // 0.3 s
    private static final double TARGET = 200;

    /** The EPCOS 100K curve (Steinhart-Hart through its three points), pull-up 4700 ohm. */
    private static double temperature(double adc) {
        double r = 4700 * adc / (1 - adc);
        double l1 = Math.log(100000);
        double l2 = Math.log(1641.9);
        double l3 = Math.log(226.15);
        double y1 = 1 / 298.15;
        double y2 = 1 / 423.15;
        double y3 = 1 / 523.15;
        double g2 = (y2 - y1) / (l2 - l1);
        double g3 = (y3 - y1) / (l3 - l1);
        double c = (g3 - g2) / (l3 - l2) / (l1 + l2 + l3);
        double b = g2 - c * (l1 * l1 + l1 * l2 + l2 * l2);
        double a = y1 - (b + l1 * l1 * c) * l1;
        double ln = Math.log(r);
        return 1 / (a + b * ln + c * ln * ln * ln) - 273.15;
    }

    @Test
    void aBangBangControllerHoldsTheTarget() {
        TestHost host = new TestHost();
        host.send("allocate_oids count=2",
                "config_digital_out oid=0 pin=PD0 value=0 default_value=0 max_duration=" + 3 * FREQ,
                "set_digital_out_pwm_cycle oid=0 cycle_ticks=5000000",
                "config_analog_in oid=1 pin=PA0", "finalize_config crc=0");
        host.send("query_analog_in oid=1 clock=" + FREQ + " sample_ticks=5000 sample_count=8 rest_ticks=" + REPORT
                + " bytes_per_report=2 min_value=1000 max_value=32000 range_check_count=4");
        double heaterOn = -1;
        double reached = -1;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int i = 0; i < 600; i++) { // 180 s
            host.advanceTo(FREQ + (long) i * REPORT + REPORT / 2);
            for (Map<String, Object> m : host.take("analog_in_state")) {
                byte[] v = (byte[]) m.get("values");
                int sum = (v[0] & 0xff) | (v[1] & 0xff) << 8;
                double t = temperature(sum / (8 * 4095.0));
                double sampled = ((Long) m.get("next_clock") - REPORT) / (double) FREQ;
                double now = host.fw.now() / (double) FREQ;
                if (reached < 0 && t >= TARGET) {
                    reached = sampled;
                }
                if (reached >= 0 && now > reached + 20) {
                    low = Math.min(low, t);
                    high = Math.max(high, t);
                }
                long on = t < TARGET ? 5_000_000 : 0;
                long at = host.fw.now() + FREQ / 10;
                if (heaterOn < 0 && on > 0) {
                    heaterOn = at / (double) FREQ;
                }
                host.send("queue_digital_out oid=0 clock=" + (at & 0xffffffffL) + " on_ticks=" + on);
            }
        }
        assertFalse(host.fw.isShutdown(), "shut down: " + host.fw.shutdownReason());
        // full power from 25 C: 200 = 425 - 400 exp(-0.01 t) at t = ln(400/225) / 0.01 = 57.54 s,
        // seen at the first report after that (reports every 0.3 s)
        double heating = reached - heaterOn;
        assertTrue(heating >= 57.5 && heating <= 57.9, "reached 200 C after " + heating + " s at full power");
        assertTrue(low > TARGET - 3 && high < TARGET + 3, "held between " + low + " and " + high);
    }
}
