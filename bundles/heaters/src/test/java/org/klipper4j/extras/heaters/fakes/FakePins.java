/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.fakes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/** Hands out fake ADC and PWM objects by pin name, refusing a pin used twice. */
public final class FakePins implements Pins {
    private final FakeMcu mcu;
    public final Map<String, FakeAdc> adcs = new LinkedHashMap<>();
    public final Map<String, FakePwm> pwms = new LinkedHashMap<>();

    public FakePins(FakeMcu mcu) {
        this.mcu = mcu;
    }

    @Override
    public void registerChip(String chipName, PinChip chip) {
    }

    @Override
    public PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType) {
        return new PinParams("mcu", pinDesc, false, 0);
    }

    @Override
    public Object setupPin(String pinType, String pinDesc) {
        if (adcs.containsKey(pinDesc) || pwms.containsKey(pinDesc)) {
            throw new ConfigException("pin " + pinDesc + " used multiple times in config");
        }
        switch (pinType) {
            case "adc":
                adcs.put(pinDesc, new FakeAdc(mcu));
                return adcs.get(pinDesc);
            case "pwm":
                pwms.put(pinDesc, new FakePwm(mcu));
                return pwms.get(pinDesc);
            default:
                throw new ConfigException("unsupported pin type " + pinType);
        }
    }

    @Override
    public void allowMultiUsePin(String pinDesc) {
    }
}
