/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuAdc;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * An analog input (Klipper's MCU_adc). The MCU samples on its own schedule and reports
 * the sum of each burst; the limits go to the MCU so that it shuts down by itself when a
 * reading stays out of range.
 */
public final class McuAdcImpl implements McuAdc {
    static final String QUERY_FORMAT = "query_analog_in oid=%c clock=%u sample_ticks=%u sample_count=%c"
            + " rest_ticks=%u bytes_per_report=%c min_value=%hu max_value=%hu range_check_count=%c";
    /** The firmware before batched reports (one value per report). */
    static final String OLD_QUERY_FORMAT = "query_analog_in oid=%c clock=%u sample_ticks=%u sample_count=%c"
            + " rest_ticks=%u min_value=%hu max_value=%hu range_check_count=%c";
    private static final int BYTES_PER_SAMPLE = 2;

    private final Mcu mcu;
    private final String pin;
    private double sampleTime;
    private int sampleCount;
    private double minSample;
    private double maxSample;
    private int rangeCheckCount;
    private double reportTime;
    private Callback callback;
    private int oid = -1;
    private long reportClock;
    private double invMaxAdc;
    private double[] lastState = {0.0, 0.0};

    public McuAdcImpl(Mcu mcu, PinParams params) {
        this.mcu = mcu;
        this.pin = params.pin();
        mcu.registerConfigCallback(this::buildConfig);
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    /** The object id, or -1 before the config is built (or when never sampled). */
    public int getOid() {
        return oid;
    }

    @Override
    public void setupAdcSample(double sampleTime, int sampleCount, double minval, double maxval,
            int rangeCheckCount) {
        this.sampleTime = sampleTime;
        this.sampleCount = sampleCount;
        this.minSample = minval;
        this.maxSample = maxval;
        this.rangeCheckCount = rangeCheckCount;
    }

    @Override
    public void setupAdcCallback(double reportTime, Callback callback) {
        this.reportTime = reportTime;
        this.callback = callback;
    }

    @Override
    public double[] getLastValue() {
        return lastState.clone();
    }

    private void buildConfig() {
        if (sampleCount == 0) {
            return;
        }
        oid = mcu.createOid();
        mcu.addConfigCommand(String.format("config_analog_in oid=%d pin=%s", oid, pin));
        long clock = mcu.getQuerySlot(oid);
        long sampleTicks = mcu.secondsToClock(sampleTime);
        double maxAdc = sampleCount * mcu.getConstantFloat("ADC_MAX");
        if (maxAdc >= (1 << 16)) {
            throw new ConfigException(String.format("ADC sample_count=%d too large for MCU", sampleCount));
        }
        invMaxAdc = 1.0 / maxAdc;
        reportClock = mcu.secondsToClock(reportTime);
        long minValue = Math.max(0, Math.min(0xffff, (long) (minSample * maxAdc)));
        long maxValue = Math.max(0, Math.min(0xffff, (long) Math.ceil(maxSample * maxAdc)));
        if (!mcu.hasCommand(QUERY_FORMAT) && mcu.hasCommand(OLD_QUERY_FORMAT)) {
            mcu.addConfigCommand(String.format("query_analog_in oid=%d clock=%d sample_ticks=%d sample_count=%d"
                    + " rest_ticks=%d min_value=%d max_value=%d range_check_count=%d", oid, clock, sampleTicks,
                    sampleCount, reportClock, minValue, maxValue, rangeCheckCount), true, false);
            mcu.registerResponse(this::handleSingleState, "analog_in_state", oid);
            return;
        }
        mcu.addConfigCommand(String.format("query_analog_in oid=%d clock=%d sample_ticks=%d sample_count=%d"
                + " rest_ticks=%d bytes_per_report=%d min_value=%d max_value=%d range_check_count=%d", oid, clock,
                sampleTicks, sampleCount, reportClock, BYTES_PER_SAMPLE, minValue, maxValue, rangeCheckCount),
                true, false);
        mcu.registerResponse(this::handleBatchState, "analog_in_state", oid);
    }

    /** {@code analog_in_state oid next_clock value}: one sum, read one report interval before next_clock. */
    private void handleSingleState(Map<String, Object> params) {
        long nextClock = mcu.clock32ToClock64(((Number) params.get("next_clock")).longValue());
        double value = ((Number) params.get("value")).doubleValue() * invMaxAdc;
        deliver(mcu.clockToPrintTime(nextClock - reportClock), value);
    }

    /** {@code analog_in_state oid next_clock values}: little-endian 16-bit sums, oldest first. */
    private void handleBatchState(Map<String, Object> params) {
        long nextClock = mcu.clock32ToClock64(((Number) params.get("next_clock")).longValue());
        byte[] data = bytesOf(params.get("values"));
        int count = data.length / BYTES_PER_SAMPLE;
        for (int i = 0; i < count; i++) {
            int raw = (data[2 * i] & 0xff) | ((data[2 * i + 1] & 0xff) << 8);
            double readTime = mcu.clockToPrintTime(nextClock - (long) (count - i) * reportClock);
            deliver(readTime, raw * invMaxAdc);
        }
    }

    private void deliver(double readTime, double value) {
        lastState = new double[] {readTime, value};
        if (callback != null) {
            callback.onSample(readTime, value);
        }
    }

    /** A {@code %*s} parameter as bytes, whether decoded as an array or a list of numbers. */
    static byte[] bytesOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof List<?> list) {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ((Number) list.get(i)).intValue();
            }
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new byte[0];
    }
}
