/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klipper4j.core.api.mcu.Mcu;

/** A transport that records writes and answers reads from a map (a driver's register file). */
final class RecordingTransport implements TmcTransport {
    final FieldHelper fields;
    final List<String> writes = new ArrayList<>();
    final Map<String, Long> readValues = new HashMap<>();

    RecordingTransport(FieldHelper fields) {
        this.fields = fields;
    }

    @Override
    public FieldHelper fields() {
        return fields;
    }

    @Override
    public Mcu mcu() {
        return null;
    }

    @Override
    public long getRegister(String reg) {
        return readValues.getOrDefault(reg, 0L);
    }

    @Override
    public void setRegister(String reg, long value, Double printTime) {
        writes.add(String.format("%s=%08x", reg, value));
    }

    @Override
    public Double tmcFrequency() {
        return 12e6;
    }
}
