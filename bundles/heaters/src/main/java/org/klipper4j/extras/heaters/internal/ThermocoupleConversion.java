/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A thermocouple chip reporting a shifted two's complement value in fixed steps of degrees. */
final class ThermocoupleConversion implements SpiConversion {
    private final int shift;
    private final long signBit;
    private final long mask;
    private final double degreesPerStep;
    private final byte[] init;
    private final Map<Integer, String> faults;

    ThermocoupleConversion(int shift, long signBit, double degreesPerStep, byte[] init, Map<Integer, String> faults) {
        this.shift = shift;
        this.signBit = signBit;
        this.mask = signBit - 1;
        this.degreesPerStep = degreesPerStep;
        this.init = init;
        this.faults = faults;
    }

    @Override
    public double calcTemp(long raw) {
        long adc = raw >> shift;
        if ((adc & signBit) != 0) {
            adc = -((adc & mask) + 1);
        }
        return degreesPerStep * adc;
    }

    @Override
    public long calcAdc(double temp) {
        long adc = (long) (temp / degreesPerStep + 0.5);
        return Math.max(0, Math.min(mask, adc)) << shift;
    }

    @Override
    public byte[] initBytes() {
        return init.clone();
    }

    @Override
    public List<String> faultMessages(int fault) {
        List<String> out = new ArrayList<>();
        faults.forEach((bit, text) -> {
            if ((fault & bit) != 0) {
                out.add(text);
            }
        });
        return out;
    }
}
