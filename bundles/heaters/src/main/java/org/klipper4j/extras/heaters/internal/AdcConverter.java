/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

/** Converts between an ADC reading (0..1 of full scale) and degrees Celsius. */
interface AdcConverter {
    double calcTemp(double adc);

    double calcAdc(double temp);
}
