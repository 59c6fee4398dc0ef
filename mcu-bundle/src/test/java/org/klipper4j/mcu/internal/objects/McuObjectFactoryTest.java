/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.McuAdc;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.PinParams;

class McuObjectFactoryTest {
    private final RecordingMcu mcu = new RecordingMcu("mcu", new FakePrinter(), 16_000_000);
    private final PinParams pin = new PinParams("mcu", "PA1", false, 0);

    @Test
    void makesTheObjectForEachPinType() {
        assertInstanceOf(McuDigitalOut.class, McuObjectFactory.create("digital_out", mcu, pin));
        assertInstanceOf(McuPwm.class, McuObjectFactory.create("pwm", mcu, pin));
        assertInstanceOf(McuAdc.class, McuObjectFactory.create("adc", mcu, pin));
        assertInstanceOf(McuEndstop.class, McuObjectFactory.create("endstop", mcu, pin));
    }

    @Test
    void otherPinTypesAreAConfigError() {
        var error = assertThrows(ConfigException.class, () -> McuObjectFactory.create("stepper", mcu, pin));
        assertEquals("pin type stepper not supported on mcu", error.getMessage());
    }
}
