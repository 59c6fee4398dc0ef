/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DS18B20 on a 1-wire bus of a Linux-process MCU ({@code sensor_type: DS18B20}): the MCU
 * reads the sensor named by {@code serial_no} every {@code ds18_report_time} seconds, checks
 * the range itself and reports {@code ds18b20_result} in thousandths of a degree.
 */
final class Ds18b20Sensor implements TemperatureSensor {
    static final double REPORT_TIME = 3.0;
    /** A conversion takes about 750 ms: asking more often brings no faster reports. */
    static final double MIN_REPORT_TIME = 1.0;
    /** Failed reads in a row after which the MCU shuts down. */
    static final int MAX_CONSECUTIVE_ERRORS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Ds18b20Sensor.class);

    private final byte[] serialNo;
    private final double reportTime;
    private final Mcu mcu;
    private final int oid;
    private double minTemp;
    private double maxTemp;
    private long reportClock;
    private TemperatureCallback callback = (t, v) -> { };

    Ds18b20Sensor(ConfigSection config) {
        serialNo = config.get("serial_no").getBytes(StandardCharsets.UTF_8);
        reportTime = config.getFloat("ds18_report_time", REPORT_TIME, Bounds.min(MIN_REPORT_TIME));
        String mcuName = config.get("sensor_mcu");
        mcu = config.getPrinter().lookupObject("mcu".equals(mcuName) ? "mcu" : "mcu " + mcuName, Mcu.class);
        oid = mcu.createOid();
        mcu.registerResponse(this::onResult, "ds18b20_result", oid);
        mcu.registerConfigCallback(this::buildConfig);
    }

    private void buildConfig() {
        StringBuilder hex = new StringBuilder();
        for (byte b : serialNo) {
            hex.append(String.format("%02x", b & 0xff));
        }
        mcu.addConfigCommand(String.format("config_ds18b20 oid=%d serial=%s max_error_count=%d", oid, hex,
                MAX_CONSECUTIVE_ERRORS));
        long clock = mcu.getQuerySlot(oid);
        reportClock = mcu.secondsToClock(reportTime);
        mcu.addConfigCommand(String.format("query_ds18b20 oid=%d clock=%d rest_ticks=%d min_value=%d max_value=%d",
                oid, clock, reportClock, (long) (minTemp * 1000), (long) (maxTemp * 1000)), true, false);
    }

    private void onResult(Map<String, Object> params) {
        double temp = ((Number) params.get("value")).longValue() / 1000.0;
        Object fault = params.get("fault");
        if (fault != null && ((Number) fault).longValue() != 0) {
            LOG.info(String.format(java.util.Locale.ROOT, "ds18b20 reports fault %d (temp=%.1f)", ((Number) fault).longValue(), temp));
            return;
        }
        long nextClock = mcu.clock32ToClock64(((Number) params.get("next_clock")).longValue());
        callback.onTemperature(mcu.clockToPrintTime(nextClock - reportClock), temp);
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
        return reportTime;
    }
}
