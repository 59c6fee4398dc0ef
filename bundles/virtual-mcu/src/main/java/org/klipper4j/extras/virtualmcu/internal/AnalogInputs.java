/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u16;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Arrays;
import java.util.Map;

/**
 * Analog inputs (adccmds.c): every rest_ticks, sample_count readings sample_ticks apart
 * are summed; the sum is range checked (range_check_count bad sums in a row shut the
 * firmware down with "ADC out of range") and reported, two bytes little-endian per sum,
 * in analog_in_state messages of up to bytes_per_report bytes.
 */
final class AnalogInputs implements FirmwareModule {
    private static final int MAX_REPORT_BYTES = 48;

    final class Analog {
        private final int oid;
        private final String pin;
        private final Scheduler.Timer timer = new Scheduler.Timer(this::event);
        private final byte[] data = new byte[MAX_REPORT_BYTES];
        private long restTicks;
        private long sampleTicks;
        private long nextBegin;
        private int sampleCount;
        private int sampleIndex;
        private int sum;
        private int minValue;
        private int maxValue;
        private int rangeCheckCount;
        private int invalidCount;
        private int bytesPerReport;
        private int dataCount;

        Analog(int oid, String pin) {
            this.oid = oid;
            this.pin = pin;
        }

        private long event(long waketime) {
            int reading = fw.plant().readAdc(pin, fw.seconds(waketime), FirmwareDictionary.ADC_MAX);
            sum = (sampleIndex == 0 ? 0 : sum) + reading;
            sampleIndex++;
            if (sampleIndex < sampleCount) {
                return waketime + sampleTicks;
            }
            sampleIndex = 0;
            int value = sum & 0xffff;
            if (value >= minValue && value <= maxValue) {
                invalidCount = 0;
            } else if (++invalidCount >= rangeCheckCount) {
                invalidCount = 0;
                fw.tryShutdown("ADC out of range");
            }
            nextBegin += restTicks;
            report(value);
            return nextBegin;
        }

        private void report(int value) {
            data[dataCount] = (byte) value;
            data[dataCount + 1] = (byte) (value >> 8);
            dataCount += 2;
            if (dataCount + 2 > bytesPerReport) {
                fw.send("analog_in_state", oid, Firmware.clock32(nextBegin),
                        Arrays.copyOf(data, dataCount));
                dataCount = 0;
            }
        }
    }

    private final Firmware fw;

    AnalogInputs(Firmware fw) {
        this.fw = fw;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_analog_in", a -> fw.oids().assign(u8(a[0]), new Analog(u8(a[0]), Pins.adc(fw, a[1]))));
        c.put("query_analog_in", a -> {
            Analog an = fw.oids().lookup(u8(a[0]), Analog.class);
            fw.removeTimer(an.timer);
            an.nextBegin = fw.expand(u32(a[1]));
            an.sampleTicks = u32(a[2]);
            an.sampleCount = u8(a[3]);
            an.sampleIndex = 0;
            an.restTicks = u32(a[4]);
            an.bytesPerReport = u8(a[5]);
            an.dataCount = 0;
            an.minValue = u16(a[6]);
            an.maxValue = u16(a[7]);
            an.rangeCheckCount = u8(a[8]);
            an.invalidCount = 0;
            if (an.sampleCount == 0) {
                return;
            }
            if (an.bytesPerReport > MAX_REPORT_BYTES) {
                throw fw.shutdown("Invalid analog_in bytes_per_report");
            }
            fw.addTimer(an.timer, an.nextBegin);
        });
    }

    /** After a shutdown the inputs keep being read and reported (no more range checks matter). */
    @Override
    public void onShutdown() {
        for (OidTable.Entry<Analog> e : fw.oids().all(Analog.class)) {
            Analog an = e.object();
            if (an.sampleCount > 0) {
                an.sampleIndex = 0;
                an.nextBegin += an.restTicks;
                fw.scheduleUnchecked(an.timer, an.nextBegin);
            }
        }
    }
}
