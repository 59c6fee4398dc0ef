/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;

/** Bang-bang control: full power below target - max_delta, off above target + max_delta. */
final class WatermarkControl implements HeaterControl {
    private final Heater heater;
    private final double maxPower;
    private final double maxDelta;
    private boolean heating;

    WatermarkControl(Heater heater, ConfigSection config) {
        this.heater = heater;
        this.maxPower = heater.getMaxPower();
        this.maxDelta = config.getFloat("max_delta", 2.0, Bounds.above(0.));
    }

    @Override
    public void temperatureUpdate(double readTime, double temp, double targetTemp) {
        if (heating && temp >= targetTemp + maxDelta) {
            heating = false;
        } else if (!heating && temp <= targetTemp - maxDelta) {
            heating = true;
        }
        heater.setPwm(readTime, heating ? maxPower : 0.);
    }

    @Override
    public boolean checkBusy(double eventtime, double smoothedTemp, double targetTemp) {
        return smoothedTemp < targetTemp - maxDelta;
    }
}
