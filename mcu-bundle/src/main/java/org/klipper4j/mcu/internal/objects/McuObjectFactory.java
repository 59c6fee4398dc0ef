/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;

/** Makes the MCU object for a pin of a given type ({@code digital_out}, {@code pwm}, {@code adc}, {@code endstop}). */
public final class McuObjectFactory {
    private McuObjectFactory() {
    }

    /** The object for {@code pinType} on {@code mcu}; a config error naming the type if unknown. */
    public static Object create(String pinType, Mcu mcu, PinParams params) {
        return switch (pinType) {
            case "digital_out" -> new McuDigitalOutImpl(mcu, params);
            case "pwm" -> new McuPwmImpl(mcu, params);
            case "adc" -> new McuAdcImpl(mcu, params);
            case "endstop" -> new McuEndstopImpl(mcu, params);
            default -> throw new ConfigException(String.format("pin type %s not supported on mcu", pinType));
        };
    }
}
