/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuAdc;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;

/**
 * The micro-controller's internal temperature sensor (pin ADC_TEMPERATURE). Its line
 * (base temperature and slope) comes from the chip family's datasheet figures or the
 * factory calibration read from the chip, unless the config gives one or two points.
 */
final class McuTemperatureSensor implements TemperatureSensor {
    private final McuAdc adc;
    private final double referenceVoltage;
    private final Double temp1;
    private Double adc1;
    private Double temp2;
    private Double adc2;
    private double minTemp;
    private double maxTemp;
    private double baseTemperature;
    private double slope;
    private McuQueryCommand debugRead;
    private TemperatureCallback callback = (t, v) -> { };

    McuTemperatureSensor(ConfigSection config) {
        Printer printer = config.getPrinter();
        String mcuName = config.get("sensor_mcu", "mcu");
        referenceVoltage = config.getFloat("reference_voltage", 3.3);
        temp1 = config.getFloat("sensor_temperature1", null);
        if (temp1 != null) {
            adc1 = RequiredOptions.getFloat(config, "sensor_adc1", Bounds.range(0., 1.));
            temp2 = config.getFloat("sensor_temperature2", null);
            if (temp2 != null) {
                adc2 = RequiredOptions.getFloat(config, "sensor_adc2", Bounds.range(0., 1.));
            }
        }
        Pins pins = printer.lookupObject("pins", Pins.class);
        adc = (McuAdc) pins.setupPin("adc", mcuName + ":ADC_TEMPERATURE");
        adc.setupAdcCallback(AdcTemperatureSensor.REPORT_TIME, this::onAdc);
        if (BatchMode.of(printer)) {
            adc.setupAdcSample(AdcTemperatureSensor.SAMPLE_TIME, AdcTemperatureSensor.SAMPLE_COUNT, 0., 1.,
                    AdcTemperatureSensor.RANGE_CHECK_COUNT);
            return;
        }
        printer.registerEventHandler(PrinterEvents.MCU_IDENTIFY, args -> identify());
    }

    private void onAdc(double readTime, double value) {
        callback.onTemperature(readTime + AdcTemperatureSensor.SAMPLE_COUNT * AdcTemperatureSensor.SAMPLE_TIME,
                baseTemperature + value * slope);
    }

    /** Sets the conversion line from the MCU type, then the ADC range check. */
    void identify() {
        Mcu mcu = adc.getMcu();
        Object type = mcu.getConstants().get("MCU");
        String mcuType = type == null ? "" : type.toString();
        if (needsCalibrationRead(mcuType)) {
            debugRead = mcu.lookupQueryCommand("debug_read order=%c addr=%u", "debug_result val=%u", -1, null,
                    false);
        }
        configureFor(mcuType);
        if (temp1 != null) {
            if (temp2 != null) {
                slope = (temp2 - temp1) / (adc2 - adc1);
            }
            baseTemperature = temp1 - adc1 * slope;
        }
        double a = (minTemp - baseTemperature) / slope;
        double b = (maxTemp - baseTemperature) / slope;
        adc.setupAdcSample(AdcTemperatureSensor.SAMPLE_TIME, AdcTemperatureSensor.SAMPLE_COUNT, Math.min(a, b),
                Math.max(a, b), AdcTemperatureSensor.RANGE_CHECK_COUNT);
    }

    private static boolean needsCalibrationRead(String t) {
        return t.startsWith("samd") || t.startsWith("stm32f4") || t.startsWith("stm32f0") || t.startsWith("stm32g0")
                || t.startsWith("stm32h7");
    }

    private void configureFor(String t) {
        if (t.startsWith("rp2040")) {
            fromDatasheet(-0.001721, 27., 0.706);
        } else if (t.startsWith("sam3")) {
            fromDatasheet(.002650, 27., 0.8);
        } else if (t.startsWith("sam4")) {
            fromDatasheet(.004700, 27., 1.44);
        } else if (t.startsWith("same70")) {
            fromDatasheet(.002330, 25., 0.72);
        } else if (t.startsWith("samd21")) {
            fromSamdCalibration(0x00806030L);
        } else if (t.startsWith("samd51")) {
            fromSamdCalibration(0x00800100L);
        } else if (t.startsWith("stm32f1")) {
            fromDatasheet(-.004300, 25., 1.43);
        } else if (t.startsWith("stm32f2")) {
            fromDatasheet(.002500, 25., .76);
        } else if (t.startsWith("stm32f4")) {
            fromTwoPoints(30., read16(0x1FFF7A2CL) / 4095., 110., read16(0x1FFF7A2EL) / 4095.);
        } else if (t.startsWith("stm32f042") || t.startsWith("stm32f072")) {
            fromTwoPoints(30., read16(0x1FFFF7B8L) / 4095., 110., read16(0x1FFFF7C2L) / 4095.);
        } else if (t.startsWith("stm32f070")) {
            slope = referenceVoltage / -.004300;
            baseTemperature = 30. - read16(0x1FFFF7B8L) / 4095. * slope;
        } else if (t.startsWith("stm32g0")) {
            double scale = 3.0 / (referenceVoltage * 4095.);
            fromTwoPoints(30., read16(0x1FFF75A8L) * scale, 130., read16(0x1FFF75CAL) * scale);
        } else if (t.startsWith("stm32h7")) {
            fromTwoPoints(30., read16(0x1FF1E820L) / 65535., 110., read16(0x1FF1E840L) / 65535.);
        } else {
            throw new ConfigException("MCU temperature not supported on " + t);
        }
    }

    /** A datasheet line: volts per degree and the voltage at a reference temperature. */
    private void fromDatasheet(double voltsPerDegree, double refTemp, double refVolts) {
        slope = referenceVoltage / voltsPerDegree;
        baseTemperature = refTemp - refVolts / referenceVoltage * slope;
    }

    private void fromTwoPoints(double tA, double adcA, double tB, double adcB) {
        slope = (tB - tA) / (adcB - adcA);
        baseTemperature = tA - adcA * slope;
    }

    private void fromSamdCalibration(long addr) {
        long cal1 = read(2, addr);
        long cal2 = read(2, addr + 4);
        double roomTemp = ((cal1 >> 0) & 0xff) + ((cal1 >> 8) & 0xf) / 10.;
        double hotTemp = ((cal1 >> 12) & 0xff) + ((cal1 >> 20) & 0xf) / 10.;
        double room1v = oneVolt((cal1 >> 24) & 0xff);
        double hot1v = oneVolt(cal2 & 0xff);
        double roomAdc = ((cal2 >> 8) & 0xfff) * room1v / (referenceVoltage * 4095.);
        double hotAdc = ((cal2 >> 20) & 0xfff) * hot1v / (referenceVoltage * 4095.);
        fromTwoPoints(roomTemp, roomAdc, hotTemp, hotAdc);
    }

    private static double oneVolt(long val) {
        long v = (val & 0x80) != 0 ? 0x100 - val : val;
        return 1. - v / 1000.;
    }

    private long read16(long addr) {
        return read(1, addr);
    }

    private long read(int order, long addr) {
        Map<String, Object> r = debugRead.send(order, addr);
        return ((Number) r.get("val")).longValue();
    }

    @Override
    public void setupMinMax(double minTemp, double maxTemp) {
        this.minTemp = minTemp;
        this.maxTemp = maxTemp;
    }

    @Override
    public void setupCallback(TemperatureCallback callback) {
        this.callback = callback;
    }

    @Override
    public double getReportTimeDelta() {
        return AdcTemperatureSensor.REPORT_TIME;
    }
}
