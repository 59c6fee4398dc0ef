/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuSpi;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A MAX6675/MAX31855/MAX31856/MAX31865 on SPI; the MCU polls it and reports thermocouple_result. */
final class SpiTemperatureSensor implements TemperatureSensor {
    static final double REPORT_TIME = 0.300;
    static final int MAX_INVALID_COUNT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SpiTemperatureSensor.class);

    private final SpiChip chip;
    private final SpiConversion conversion;
    private final McuSpi spi;
    private final Mcu mcu;
    private final int oid;
    private long minSample;
    private long maxSample;
    private long reportClock;
    private TemperatureCallback callback = (t, v) -> { };

    SpiTemperatureSensor(ConfigSection config, SpiChip chip) {
        this.chip = chip;
        this.conversion = chip.conversion(config);
        Buses buses = config.getPrinter().lookupObject("buses", Buses.class);
        spi = buses.spiFromConfig(config, chip.spiMode(), "sensor_pin", 4000000);
        byte[] init = conversion.initBytes();
        if (init.length > 0) {
            spi.spiSend(init, 0, 0);
        }
        mcu = spi.getMcu();
        oid = mcu.createOid();
        mcu.registerResponse(this::onResult, "thermocouple_result", oid);
        mcu.registerConfigCallback(this::buildConfig);
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_thermocouple oid=%d spi_oid=%d thermocouple_type=%s", oid,
                spi.getOid(), chip.typeName()));
        long clock = mcu.getQuerySlot(oid);
        reportClock = mcu.secondsToClock(REPORT_TIME);
        mcu.addConfigCommand(String.format(
                "query_thermocouple oid=%d clock=%d rest_ticks=%d min_value=%d max_value=%d max_invalid_count=%d",
                oid, clock, reportClock, minSample, maxSample, MAX_INVALID_COUNT), true, false);
    }

    private void onResult(Map<String, Object> params) {
        int fault = ((Number) params.get("fault")).intValue();
        long value = ((Number) params.get("value")).longValue();
        if (fault != 0) {
            conversion.faultMessages(fault).forEach(LOG::warn);
            if (chip == SpiChip.MAX31865) {
                spi.spiSend(conversion.initBytes(), 0, 0); // try to clear the fault
            }
            return;
        }
        long nextClock = mcu.clock32ToClock64(((Number) params.get("next_clock")).longValue());
        double readTime = mcu.clockToPrintTime(nextClock - reportClock);
        callback.onTemperature(readTime, conversion.calcTemp(value));
    }

    @Override
    public void setupMinMax(double minTemp, double maxTemp) {
        long a = conversion.calcAdc(minTemp);
        long b = conversion.calcAdc(maxTemp);
        minSample = Math.min(a, b);
        maxSample = Math.max(a, b);
    }

    @Override
    public void setupCallback(TemperatureCallback callback) {
        this.callback = callback;
    }

    @Override
    public double getReportTimeDelta() {
        return REPORT_TIME;
    }

    /** The sample limits handed to the MCU, for tests. */
    long[] sampleLimits() {
        return new long[] {minSample, maxSample};
    }
}
