/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeSpi;

/** Field decoding and DUMP_TMC formatting, SPI daisy-chain padding and the UART datagram framing. */
class TmcFieldsAndFramingTest {

    @Test
    void registerIsFormattedAsKlipperPrintsIt() {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2130());
        // fields in mask order, zero fields left out, MRES with its microsteps
        assertEquals("CHOPCONF:   14028384 toff=4 hend=7 tbl=1 vsense=1 mres=4(16usteps) intpol=1",
                f.prettyFormat("CHOPCONF", 0x14028384L));
        assertEquals("DRV_STATUS: 00000000 cs_actual=0(Reset?)", f.prettyFormat("DRV_STATUS", 0));
    }

    @Test
    void signedFieldsDecodeNegative() {
        FieldHelper f = new FieldHelper(TmcRegisterMaps.tmc2130());
        assertEquals(-1, f.getField("sgt", 0x7fL << 16, "COOLCONF"));
        assertEquals(63, f.getField("sgt", 0x3fL << 16, "COOLCONF"));
        long v = f.setField("sgt", -64);
        assertEquals(0x40L << 16, v);
        assertEquals(-64, f.getField("sgt"));
    }

    @Test
    void daisyChainPadsTheDatagramForTheOtherDrivers() {
        FakePrinter printer = new FakePrinter(true);
        FakeMcu mcu = new FakeMcu(printer, "mcu");
        FakeSpi buses = new FakeSpi(mcu);
        FakeConfig config = FakeConfig.of(printer, "tmc5160 stepper_y", "cs_pin", "PG2");
        TmcSpiChain chain = new TmcSpiChain(buses.spiFromConfig(config, 3, "cs_pin", 4000000), 3);
        chain.write(0x6c, 0x12345678L, 2, 0, true);
        // position 2 of 3: one empty datagram before it (for position 3) and one after (position 1)
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, (byte) 0xec, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0, 0},
                buses.sent.get(0));
    }

    @Test
    void uartReplyDecodesAndRejectsCorruption() {
        byte[] reply = TmcUartCodec.encodeWrite(0x05, 0xff, 0x6f, 0xc0000102L);
        assertEquals(10, reply.length); // 8 bytes of 10 bits
        assertEquals(0xc0000102L, TmcUartCodec.decodeRead(0x6f, reply));
        reply[4] ^= 0x10;
        assertNull(TmcUartCodec.decodeRead(0x6f, reply));
        assertNull(TmcUartCodec.decodeRead(0x6f, new byte[9]));
    }

    @Test
    void uartReadDatagramIsFramed() {
        // sync 0xf5 framed: start bit 0, data LSB first, stop bit 1 -> bits 1..8 = 0xf5, bit 9 = 1
        byte[] msg = TmcUartCodec.encodeRead(0xf5, 0, 0x6f);
        assertEquals(5, msg.length); // 4 bytes * 10 bits = 40 bits
        assertEquals((0xf5 << 1) & 0xff, msg[0] & 0xff);
        assertEquals(((0xf5 >> 7) | 0x2) & 0x3, msg[1] & 0x3);
    }
}
