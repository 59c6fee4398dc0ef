/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDictionaryTest {
    @ParameterizedTest
    @CsvSource({"atmega2560, 112, 25, 16000000, atmega2560, 88",
        "linuxprocess, 117, 26, 50000000, linux, 3016",
        "stm32h723, 112, 25, 520000000, stm32h723xx, 129"})
    void everyReferenceDictionaryParses(String name, int commands, int responses, long clock, String mcu, int pins) {
        DataDictionary d = TestData.dict(name);
        assertEquals(commands, d.messages(MessageKind.COMMAND).size());
        assertEquals(responses, d.messages(MessageKind.RESPONSE).size());
        assertEquals(0, d.messages(MessageKind.OUTPUT).size());
        assertEquals(clock, d.constants().get("CLOCK_FREQ"));
        assertEquals(clock, d.getConstantLong("CLOCK_FREQ"));
        assertEquals((double) clock, d.clockFreq());
        assertEquals(mcu, d.getConstant("MCU"));
        assertEquals("v0.13.0-730-g84104bbbd", d.version());
        assertEquals("Klipper", d.app());
        assertEquals(pins, d.enumerations().get("pin").values().size());
        assertTrue(d.rawJson().startsWith("{"));
    }

    @Test
    void fixedMessagesHaveProtocolIds() {
        DataDictionary d = TestData.dict("atmega2560");
        assertEquals("identify offset=%u count=%c", d.byId(1).format());
        assertEquals(MessageKind.COMMAND, d.byId(1).kind());
        assertEquals("identify_response", d.byId(0).name());
        assertEquals(MessageKind.RESPONSE, d.byId(0).kind());
    }

    @Test
    void pinRangesAreExpanded() {
        Enumeration avr = TestData.dict("atmega2560").enumerations().get("pin");
        assertEquals(0, avr.valueOf("PA0"));
        assertEquals(7, avr.valueOf("PA7"));
        assertEquals(8, avr.valueOf("PB0"));
        assertEquals(91, avr.valueOf("PL3"));
        Enumeration stm = TestData.dict("stm32h723").enumerations().get("pin");
        assertEquals(254, stm.valueOf("ADC_TEMPERATURE"));
        assertEquals(15, stm.valueOf("PA15"));
        DataDictionary linux = TestData.dict("linuxprocess");
        Enumeration pins = linux.enumerations().get("pin");
        assertEquals(4099, pins.valueOf("analog3"));
        assertEquals(293, pins.valueOf("gpiochip1/gpio5"));
        assertEquals(259, linux.enumerations().get("spi_bus").valueOf("spidev1.3"));
        assertEquals(14, linux.enumerations().get("i2c_bus").valueOf("i2c.14"));
        // several names for one value: the last one names it, as in Klipper
        assertEquals("gpiochip0/gpio5", pins.symbolOf(5));
        assertEquals("?9999", pins.symbolOf(9999));
    }

    @Test
    void unknownEnumerationValueIsWordedAsKlipper() {
        Enumeration pins = TestData.dict("atmega2560").enumerations().get("pin");
        ProtocolException e = assertThrows(ProtocolException.class, () -> pins.valueOf("PZ9"));
        assertEquals("Unknown value 'PZ9' in enumeration 'pin'", e.getMessage());
    }

    @Test
    void parametersGetTheirEnumerationsByNameOrSuffix() {
        DataDictionary d = TestData.dict("atmega2560");
        MessageFormat stepper = d.byName("config_stepper");
        assertEquals("pin", stepper.params().get(1).enumeration().name());
        assertEquals("pin", stepper.params().get(2).enumeration().name());
        assertNull(stepper.params().get(0).enumeration());
        assertEquals("spi_bus", d.byName("spi_set_bus").params().get(1).enumeration().name());
        assertEquals("thermocouple_type",
                d.byName("config_thermocouple").params().get(2).enumeration().name());
    }

    @Test
    void staticStringsComeFromTheirEnumeration() {
        assertEquals("ADC out of range", TestData.dict("atmega2560").staticString(27));
        assertNull(TestData.dict("atmega2560").staticString(100000));
    }

    @Test
    void compressedFormFromIdentifyGivesTheSameDictionary() throws Exception {
        byte[] json = TestData.bytes("dict/stm32h723.dict");
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(json);
        }
        DataDictionary plain = DataDictionary.parse(json);
        DataDictionary fromZlib = DataDictionary.fromCompressed(z.toByteArray());
        assertEquals(plain.messages().size(), fromZlib.messages().size());
        for (MessageFormat f : plain.messages()) {
            assertEquals(f.format(), fromZlib.byId(f.id()).format());
        }
        assertEquals(plain.constants(), fromZlib.constants());
        assertEquals(plain.rawJson(), DataDictionary.parse(z.toByteArray()).rawJson());
    }

    @Test
    void garbageIsAClearError() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> DataDictionary.parse(new byte[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().startsWith("Error during identify: "), e.getMessage());
        e = assertThrows(ProtocolException.class, () -> DataDictionary.parseJson("{\"commands\": {\"x a=%q\": 5}}"));
        assertEquals("Invalid parameter 'a=%q' in message format 'x a=%q'", e.getMessage());
        assertThrows(ProtocolException.class, () -> DataDictionary.parseJson("[1]"));
    }

    @Test
    void lookupCommandChecksTheWholeFormat() {
        DataDictionary d = TestData.dict("atmega2560");
        assertSame(d.byName("allocate_oids"), d.lookupCommand("allocate_oids count=%c"));
        assertEquals("Unknown command: no_such_thing",
                assertThrows(ProtocolException.class, () -> d.lookupCommand("no_such_thing x=%u")).getMessage());
        assertEquals("Command format mismatch: allocate_oids count=%u vs allocate_oids count=%c",
                assertThrows(ProtocolException.class, () -> d.lookupCommand("allocate_oids count=%u")).getMessage());
    }

    @Test
    void missingConstantIsWordedAsKlipper() {
        DataDictionary d = TestData.dict("atmega2560");
        assertEquals("Firmware constant 'NOPE' not found",
                assertThrows(ProtocolException.class, () -> d.getConstant("NOPE")).getMessage());
        assertEquals("x", d.getConstant("NOPE", "x"));
        assertEquals("Unable to parse firmware constant MCU: atmega2560",
                assertThrows(ProtocolException.class, () -> d.getConstantLong("MCU")).getMessage());
    }

    @Test
    void textCommandsEncodeLikeKlipperConfigCommands() {
        DataDictionary d = TestData.dict("atmega2560");
        // the first block of Klipper's reference stream starts with these two commands
        byte[] stream = TestData.bytes("cases/commands-example-cartesian/expected.serial");
        byte[] alloc = d.createCommand("allocate_oids count=18");
        byte[] adc = d.createCommand("config_analog_in oid=10 pin=PK6");
        byte[] both = new byte[alloc.length + adc.length];
        System.arraycopy(alloc, 0, both, 0, alloc.length);
        System.arraycopy(adc, 0, both, alloc.length, adc.length);
        byte[] head = new byte[both.length];
        System.arraycopy(stream, 2, head, 0, head.length);
        assertArrayEquals(head, both);
        assertArrayEquals(d.createCommand("allocate_oids count=18"), d.createCommand("allocate_oids count=0x12"));
        assertEquals("Unknown command: bogus",
                assertThrows(ProtocolException.class, () -> d.createCommand("bogus a=1")).getMessage());
        assertEquals("Unable to extract params from: allocate_oids",
                assertThrows(ProtocolException.class, () -> d.createCommand("allocate_oids count=abc")).getMessage());
        assertEquals("Unable to extract params from: allocate_oids",
                assertThrows(ProtocolException.class, () -> d.createCommand("allocate_oids x=1")).getMessage());
        assertTrue(assertThrows(ProtocolException.class, () -> d.createCommand("allocate_oids"))
                .getMessage().startsWith("Unable to encode: allocate_oids"));
        assertEquals("Unknown value 'PZ1' in enumeration 'pin'",
                assertThrows(ProtocolException.class, () -> d.createCommand("config_analog_in oid=1 pin=PZ1"))
                        .getMessage());
    }
}
