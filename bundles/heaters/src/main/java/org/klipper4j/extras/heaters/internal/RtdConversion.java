/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** The MAX31865 RTD converter: resistance ratio to temperature by the Callendar-Van Dusen equation. */
final class RtdConversion implements SpiConversion {
    private static final double ADC_MAX = 1 << 15;
    private static final double CVD_A = 3.9083e-3;
    private static final double CVD_B = -5.775e-7;
    private static final double PLATINUM_MELTING_POINT = 1768.3;

    private final double adcToResistDivNominal;
    private final byte[] init;

    RtdConversion(ConfigSection config) {
        double nominal = config.getFloat("rtd_nominal_r", 100., Bounds.above(0.));
        double reference = config.getFloat("rtd_reference_r", 430., Bounds.above(0.));
        adcToResistDivNominal = reference / ADC_MAX / nominal;
        int value = 0x80 | 0x40 | 0x02; // bias on, auto conversion, clear faults
        if (config.getBoolean("rtd_use_50Hz_filter", false)) {
            value |= 0x01;
        }
        if (config.getInt("rtd_num_of_wires", 2) == 3) {
            value |= 0x10;
        }
        init = new byte[] {(byte) 0x80, (byte) value};
    }

    @Override
    public double calcTemp(long raw) {
        double ratio = (raw >> 1) * adcToResistDivNominal; // the lowest bit is the fault flag
        double discriminant = Math.sqrt(CVD_A * CVD_A - 4. * CVD_B * (1. - ratio));
        return (-CVD_A + discriminant) / (2. * CVD_B);
    }

    @Override
    public long calcAdc(double temp) {
        double t = Math.min(temp, PLATINUM_MELTING_POINT);
        double ratio = 1. + CVD_A * t + CVD_B * t * t;
        long adc = (long) (ratio / adcToResistDivNominal + 0.5);
        return Math.max(0, Math.min((long) ADC_MAX, adc)) << 1;
    }

    @Override
    public byte[] initBytes() {
        return init.clone();
    }

    @Override
    public List<String> faultMessages(int fault) {
        List<String> out = new ArrayList<>();
        if ((fault & 0x80) != 0) {
            out.add("Max31865 RTD input is disconnected");
        }
        if ((fault & 0x40) != 0) {
            out.add("Max31865 RTD input is shorted");
        }
        if ((fault & 0x20) != 0) {
            out.add("Max31865 VREF- is greater than 0.85 * VBIAS, FORCE- open");
        }
        if ((fault & 0x10) != 0) {
            out.add("Max31865 VREF- is less than 0.85 * VBIAS, FORCE- open");
        }
        if ((fault & 0x08) != 0) {
            out.add("Max31865 VRTD- is less than 0.85 * VBIAS, FORCE- open");
        }
        if ((fault & 0x04) != 0) {
            out.add("Max31865 Overvoltage or undervoltage fault");
        }
        if ((fault & 0xfc) == 0) {
            out.add("Max31865 Unspecified error");
        }
        return out;
    }
}
