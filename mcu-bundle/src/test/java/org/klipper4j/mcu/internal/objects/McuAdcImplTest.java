/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinParams;

class McuAdcImplTest {
    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);
    private final List<double[]> samples = new ArrayList<>();

    private McuAdcImpl thermistorAdc(double minval, double maxval) {
        var adc = new McuAdcImpl(mcu, new PinParams("mcu", "PK6", false, 0));
        adc.setupAdcSample(0.001, 8, minval, maxval, 4);
        adc.setupAdcCallback(0.300, (time, value) -> samples.add(new double[] {time, value}));
        mcu.querySlots.put(0, 17_600_000L);
        return adc;
    }

    @Test
    void configuresTheSampleScheduleAndLimitsInAdcUnits() {
        thermistorAdc(0.25, 0.9861);
        mcu.buildConfig();

        assertEquals(List.of("config_analog_in oid=0 pin=PK6"), mcu.configCmds);
        // 8 samples of a 10-bit ADC sum to at most 8 * 1023 = 8184:
        // min 0.25 * 8184 = 2046, max ceil(0.9861 * 8184 = 8070.24) = 8071.
        assertEquals(List.of("query_analog_in oid=0 clock=17600000 sample_ticks=16000 sample_count=8"
                + " rest_ticks=4800000 bytes_per_report=2 min_value=2046 max_value=8071 range_check_count=4"),
                mcu.initCmds);
    }

    @Test
    void limitsAreClampedToSixteenBits() {
        thermistorAdc(-1.0, 10.0);
        mcu.buildConfig();
        assertTrue(mcu.initCmds.get(0).contains(" min_value=0 max_value=65535 "), mcu.initCmds.get(0));
    }

    @Test
    void reportsConvertToFullScaleValuesAtTheirSampleTimes() {
        var adc = thermistorAdc(0, 1);
        mcu.buildConfig();

        // Two sums (4096 and 8184) reported at next_clock 20000000: read one and two
        // report intervals (4800000 ticks) earlier.
        mcu.deliver("analog_in_state", 0, Map.of("next_clock", 20_000_000L,
                "values", new byte[] {0x00, 0x10, (byte) 0xf8, 0x1f}));

        assertEquals(2, samples.size());
        assertArrayEquals(new double[] {10_400_000 / 16e6, 4096 / 8184.0}, samples.get(0), 1e-12);
        assertArrayEquals(new double[] {15_200_000 / 16e6, 1.0}, samples.get(1), 1e-12);
        assertArrayEquals(new double[] {0.95, 1.0}, adc.getLastValue(), 1e-12);
    }

    @Test
    void reportClocksAreExtendedTo64Bits() {
        thermistorAdc(0, 1);
        mcu.buildConfig();
        mcu.currentClock = 0x1_0000_0100L;

        mcu.deliver("analog_in_state", 0, Map.of("next_clock", 0x0050_0000L, "values", new byte[] {0, 0}));

        long readClock = 0x1_0050_0000L - 4_800_000L;
        assertEquals(readClock / 16e6, samples.get(0)[0], 1e-12);
    }

    @Test
    void olderFirmwareGetsOneValuePerReport() {
        mcu.commands.remove(McuAdcImpl.QUERY_FORMAT);
        mcu.commands.add(McuAdcImpl.OLD_QUERY_FORMAT);
        thermistorAdc(0, 1);
        mcu.buildConfig();

        assertEquals(List.of("query_analog_in oid=0 clock=17600000 sample_ticks=16000 sample_count=8"
                + " rest_ticks=4800000 min_value=0 max_value=8184 range_check_count=4"), mcu.initCmds);
        mcu.deliver("analog_in_state", 0, Map.of("next_clock", 20_000_000L, "value", 2046));
        assertArrayEquals(new double[] {0.95, 0.25}, samples.get(0), 1e-12);
    }

    @Test
    void anAdcThatIsNeverSampledIsNotConfigured() {
        new McuAdcImpl(mcu, new PinParams("mcu", "PK6", false, 0));
        mcu.buildConfig();
        assertEquals(List.of(), mcu.configCmds);
        assertEquals(List.of(), mcu.initCmds);
    }

    @Test
    void tooManySamplesForSixteenBitsIsAConfigError() {
        mcu.constants.put("ADC_MAX", 4095.0);
        var adc = new McuAdcImpl(mcu, new PinParams("mcu", "PA0", false, 0));
        adc.setupAdcSample(0.001, 17, 0, 1, 0);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("ADC sample_count=17 too large for MCU", error.getMessage());
    }
}
