/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/**
 * Bang-bang fan control: the fan stops once the temperature falls to target - max_delta
 * and runs at max_speed again once it rises to target + max_delta.
 */
final class FanWatermarkControl implements FanSpeedControl {
    private final TemperatureFan fan;
    private final double maxDelta;
    /** True while the fan is off to let the temperature rise (as a heater would be "heating"). */
    private boolean warming;

    FanWatermarkControl(TemperatureFan fan, ConfigSection config) {
        this.fan = fan;
        this.maxDelta = config.getFloat("max_delta", 2.0, Bounds.above(0.));
    }

    @Override
    public void temperatureUpdate(double readTime, double temp) {
        double target = fan.getTargetTemp();
        if (warming && temp >= target + maxDelta) {
            warming = false;
        } else if (!warming && temp <= target - maxDelta) {
            warming = true;
        }
        fan.setFanSpeed(readTime, warming ? 0. : fan.getMaxSpeed());
    }
}
