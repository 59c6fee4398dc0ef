/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

/** How a temperature fan turns each measured temperature into a fan speed. */
interface FanSpeedControl {
    void temperatureUpdate(double readTime, double temp);
}
