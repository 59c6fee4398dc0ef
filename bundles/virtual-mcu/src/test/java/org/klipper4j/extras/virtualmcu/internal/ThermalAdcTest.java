/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heater on PD0 warms the body read by the thermistor on PA0 (virtual printer wiring:
 * 4 C/s at full power, cooling 0.01/s, EPCOS 100K behind 4700 ohm, ambient 25 C).
 */
class ThermalAdcTest {
    private static final long REST = 15_000_000; // 0.3 s
    private static final int SAMPLES = 8;
    private TestHost host;

    @BeforeEach
    void configure() {
        host = new TestHost();
        host.send("allocate_oids count=2",
                "config_digital_out oid=0 pin=PD0 value=0 default_value=0 max_duration=0",
                "set_digital_out_pwm_cycle oid=0 cycle_ticks=5000000",
                "config_analog_in oid=1 pin=PA0", "finalize_config crc=0");
        host.send("query_analog_in oid=1 clock=50000000 sample_ticks=5000 sample_count=8 rest_ticks=" + REST
                + " bytes_per_report=2 min_value=0 max_value=32760 range_check_count=4");
        host.take();
    }

    /** Sample times and temperatures from analog_in_state reports, converted as the host does. */
    private List<double[]> readings() {
        List<double[]> out = new ArrayList<>();
        for (Map<String, Object> m : host.take("analog_in_state")) {
            byte[] values = (byte[]) m.get("values");
            long next = (Long) m.get("next_clock");
            int n = values.length / 2;
            for (int i = 0; i < n; i++) {
                int sum = (values[2 * i] & 0xff) | (values[2 * i + 1] & 0xff) << 8;
                double t = (next - (long) (n - i) * REST) / (double) TestHost.FREQ;
                out.add(new double[] {t, epcosTemperature(sum / (SAMPLES * 4095.0))});
            }
        }
        return out;
    }

    /** Steinhart-Hart through EPCOS 100K B57560G104F's points, pull-up 4700 ohm. */
    private static double epcosTemperature(double adc) {
        double r = 4700 * adc / (1 - adc);
        double[] t = {25 + 273.15, 150 + 273.15, 250 + 273.15};
        double[] l = {Math.log(100000), Math.log(1641.9), Math.log(226.15)};
        double g2 = (1 / t[1] - 1 / t[0]) / (l[1] - l[0]);
        double g3 = (1 / t[2] - 1 / t[0]) / (l[2] - l[0]);
        double c = (g3 - g2) / (l[2] - l[1]) / (l[0] + l[1] + l[2]);
        double b = g2 - c * (l[0] * l[0] + l[0] * l[1] + l[1] * l[1]);
        double a = 1 / t[0] - (b + l[0] * l[0] * c) * l[0];
        double ln = Math.log(r);
        return 1 / (a + b * ln + c * ln * ln * ln) - 273.15;
    }

    @Test
    void readsAmbientWithTheHeaterOff() {
        host.advanceSeconds(3);
        List<double[]> r = readings();
        assertEquals(7, r.size(), "reports at 1.0, 1.3, ... 2.8 s");
        assertEquals(1.0, r.get(0)[0], 1e-9);
        for (double[] x : r) {
            assertEquals(25.0, x[1], 0.3);
        }
    }

    @Test
    void followsTheFirstOrderModelWithTheHeaterOn() {
        host.send("queue_digital_out oid=0 clock=25000000 on_ticks=5000000"); // full on from 0.5 s
        host.advanceSeconds(40.5);
        List<double[]> r = readings();
        assertTrue(r.size() > 100);
        double previous = 0;
        for (double[] x : r) {
            double expected = 425 - 400 * Math.exp(-0.01 * (x[0] - 0.5));
            assertEquals(expected, x[1], 1.0, "at " + x[0] + " s");
            assertTrue(x[1] >= previous - 0.2, "warming up");
            previous = x[1];
        }
        assertEquals(425 - 400 * Math.exp(-0.01 * 40), host.plant.temperature("PD0", 40.5), 0.05);
    }

    @Test
    void halfDutyHeatsHalfAsMuchAndOffCoolsDown() {
        host.send("queue_digital_out oid=0 clock=25000000 on_ticks=2500000",
                "queue_digital_out oid=0 clock=1025000000 on_ticks=0"); // half from 0.5 s, off at 20.5 s
        host.advanceSeconds(30);
        List<double[]> r = readings();
        for (double[] x : r) {
            double expected;
            double at20 = 225 - 200 * Math.exp(-0.01 * 20);
            if (x[0] <= 20.5) {
                expected = 225 - 200 * Math.exp(-0.01 * (x[0] - 0.5));
            } else {
                expected = 25 + (at20 - 25) * Math.exp(-0.01 * (x[0] - 20.5));
            }
            assertEquals(expected, x[1], 1.0, "at " + x[0] + " s");
        }
    }

    @Test
    void batchesSeveralSumsPerReport() {
        host.send("query_analog_in oid=1 clock=" + (host.fw.now() + 50_000_000) + " sample_ticks=5000 sample_count=8"
                + " rest_ticks=" + REST + " bytes_per_report=6 min_value=0 max_value=32760 range_check_count=4");
        host.advanceSeconds(3.1);
        List<Map<String, Object>> reports = host.take("analog_in_state");
        assertEquals(2, reports.size(), "seven sums from 1.0 s: two reports of three");
        assertEquals(6, ((byte[]) reports.get(0).get("values")).length);
        assertEquals(50_000_000L + 3 * REST, reports.get(0).get("next_clock"));
    }
}
