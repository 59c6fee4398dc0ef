/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageFormatTest {
    /** Sample values per type: edges of each type's range. */
    private static long[] samples(ParamType t) {
        return switch (t) {
            case UINT32 -> new long[] {0, 95, 96, 0x7fffffffL, 0x80000000L, 0xffffffffL, 3915627893L};
            case INT32 -> new long[] {0, -1, -33, Integer.MIN_VALUE, Integer.MAX_VALUE, -0x4000001};
            case UINT16 -> new long[] {0, 300, 0xffff};
            case INT16 -> new long[] {0, -1, Short.MIN_VALUE, Short.MAX_VALUE};
            case BYTE -> new long[] {0, 1, 0x5f, 0x60, 0xff};
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static String lastSymbol(Enumeration e) {
        List<String> names = new ArrayList<>(e.values().keySet());
        return names.get(names.size() - 1);
    }

    @Test
    void everyMessageOfEveryDictionaryRoundTrips() {
        int checked = 0;
        for (String dictName : TestData.DICTS) {
            DataDictionary d = TestData.dict(dictName);
            for (MessageFormat f : d.messages()) {
                for (int variant = 0; variant < 7; variant++) {
                    Object[] values = new Object[f.paramCount()];
                    for (int i = 0; i < values.length; i++) {
                        MessageParam p = f.params().get(i);
                        if (p.type().isString()) {
                            values[i] = new byte[] {(byte) variant, 0x7e, (byte) 0xff};
                        } else if (p.enumeration() != null) {
                            values[i] = lastSymbol(p.enumeration());
                        } else {
                            long[] s = samples(p.type());
                            values[i] = s[variant % s.length];
                        }
                    }
                    // the unchecked form: some samples make messages longer than a block
                    byte[] encoded = new byte[f.maxEncodedSize()];
                    int len = f.encode(encoded, 0, values);
                    ByteCursor c = new ByteCursor(encoded, 0, len);
                    assertEquals(f.id(), c.readVlq(), f.format());
                    Object[] decoded = f.decodeValues(c);
                    assertFalse(c.hasRemaining(), f.format());
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] instanceof byte[] b) {
                            assertArrayEquals(b, (byte[]) decoded[i], f.format());
                        } else {
                            assertEquals(values[i], decoded[i], dictName + ": " + f.format() + " #" + i);
                        }
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 2500, "checked " + checked);
    }

    @Test
    void decodedParamsAreNamedAndFormatted() {
        DataDictionary d = TestData.dict("atmega2560");
        MessageFormat f = d.byName("config_stepper");
        byte[] b = f.encode(2, "PF0", "PF1", 0, 32);
        ByteCursor c = new ByteCursor(b, 0, b.length);
        c.readVlq();
        Object[] v = f.decodeValues(c);
        Map<String, Object> params = f.toParams(v);
        assertEquals(2L, params.get("oid"));
        assertEquals("PF0", params.get("step_pin"));
        assertEquals("config_stepper", params.get("#name"));
        assertEquals("config_stepper oid=2 step_pin=PF0 dir_pin=PF1 invert_step=0 step_pulse_ticks=32",
                f.toText(v));
    }

    @Test
    void stringsShowInHex() {
        DataDictionary d = TestData.dict("linuxprocess");
        MessageFormat f = d.byName("config_ds18b20");
        Object[] v = {0L, "12345678".getBytes(), 4L};
        assertEquals("config_ds18b20 oid=0 serial=3132333435363738 max_error_count=4", f.toText(v));
    }

    @Test
    void outputFormatsBecomeText() {
        MessageFormat f = MessageFormat.parse(99, "Got %u at %hi%% of %s", MessageKind.OUTPUT, Map.of());
        assertEquals("#output", f.name());
        assertEquals(3, f.paramCount());
        byte[] b = f.encode(7, -3, new byte[] {0x41});
        ByteCursor c = new ByteCursor(b, 0, b.length);
        assertEquals(99, c.readVlq());
        Object[] v = f.decodeValues(c);
        assertEquals("#output Got 7 at -3% of 41", f.toText(v));
        assertThrows(ProtocolException.class,
                () -> MessageFormat.parse(5, "bad %q", MessageKind.OUTPUT, Map.of()));
    }

    @Test
    void badValuesAreClearErrors() {
        DataDictionary d = TestData.dict("atmega2560");
        MessageFormat f = d.byName("allocate_oids");
        assertEquals("Message 'allocate_oids' takes 1 parameters, got 2",
                assertThrows(ProtocolException.class, () -> f.encode(1, 2)).getMessage());
        assertEquals("Parameter 'count' of 'allocate_oids' must be an integer, not 'x'",
                assertThrows(ProtocolException.class, () -> f.encode("x")).getMessage());
        MessageFormat spi = d.byName("spi_send");
        assertTrue(assertThrows(ProtocolException.class, () -> spi.encode(1, new byte[58])).getMessage()
                .contains("at most 59"));
    }

    @Test
    void allocationFreeIntegerEncodingMatchesGeneralEncoding() {
        MessageFormat f = TestData.dict("atmega2560").byName("queue_step");
        byte[] buf = new byte[64];
        int n = f.encodeInts(buf, 3, new long[] {5, 12345678, 100, -7});
        byte[] general = f.encode(5, 12345678, 100, -7);
        assertEquals(3 + general.length, n);
        for (int i = 0; i < general.length; i++) {
            assertEquals(general[i], buf[3 + i]);
        }
    }

    @Test
    void encodingIntoAReusedBufferGivesTheSameBytesAndTheSameSizeError() {
        DataDictionary d = TestData.dict("atmega2560");
        MessageFormat f = d.byName("queue_step");
        byte[] buf = new byte[f.maxEncodedSize()];
        java.util.Arrays.fill(buf, (byte) 0x55);
        int n = f.encodeMessage(buf, 5, 3915627893L, 100, -7);
        assertArrayEquals(f.encode(5, 3915627893L, 100, -7), java.util.Arrays.copyOf(buf, n));
        // a shorter message over the same buffer: only its own bytes count
        int m = f.encodeMessage(buf, 1, 2, 3, 4);
        assertArrayEquals(new byte[] {(byte) f.id(), 1, 2, 3, 4}, java.util.Arrays.copyOf(buf, m));
        MessageFormat spi = d.byName("spi_send");
        byte[] big = new byte[spi.maxEncodedSize()];
        assertTrue(assertThrows(ProtocolException.class, () -> spi.encodeMessage(big, 1, new byte[58]))
                .getMessage().contains("at most 59"));
    }
}
