/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u32;
import static org.klipper4j.extras.virtualmcu.internal.FirmwareModule.u8;

import java.util.Map;

/**
 * TMC UART (tmcuart.c) with the drivers on the line simulated: a write datagram sets a
 * register of the driver at its address (and counts in IFCNT), a read datagram is answered
 * with the driver's reply, bit-encoded as the firmware would have sampled it. The reply
 * comes after the time the transfer takes on the wire.
 */
final class TmcUarts implements FirmwareModule {
    private static final int MAX_DATA = 10;

    final class TmcUart {
        private final int oid;
        private final String txPin;
        private final long bitTime;
        private final Scheduler.Timer timer = new Scheduler.Timer(this::finish);
        private byte[] reply = new byte[0];
        private boolean active;

        TmcUart(int oid, String txPin, long bitTime) {
            this.oid = oid;
            this.txPin = txPin;
            this.bitTime = bitTime;
        }

        void send(byte[] write, int readLen) {
            if (active) {
                return; // busy: dropped, the host retries
            }
            if (write.length > MAX_DATA || readLen > MAX_DATA) {
                throw fw.shutdown("tmcuart data too large");
            }
            reply = exchange(write, readLen);
            active = true;
            long wireBits = write.length * 8L + (readLen > 0 ? 4 + readLen * 8L : 0);
            fw.addTimer(timer, fw.now() + FirmwareDictionary.CLOCK_FREQ / 5000 + wireBits * bitTime);
        }

        private byte[] exchange(byte[] write, int readLen) {
            byte[] datagram = TmcUartCodec.decodeFrames(write);
            TmcRegisters regs = null;
            if (datagram != null && (datagram.length == 4 || datagram.length == 8)
                    && (datagram[0] & 0x0f) == 0x05
                    && TmcUartCodec.crc8(datagram, datagram.length - 1) == (datagram[datagram.length - 1] & 0xff)) {
                regs = fw.plant().tmcDriver(txPin, datagram[1] & 0xff);
            }
            if (regs == null) {
                return new byte[0]; // no driver answered: the read times out
            }
            int reg = datagram[2] & 0x7f;
            if (datagram.length == 8 && (datagram[2] & 0x80) != 0) {
                long val = ((datagram[3] & 0xffL) << 24) | ((datagram[4] & 0xffL) << 16)
                        | ((datagram[5] & 0xffL) << 8) | (datagram[6] & 0xffL);
                regs.write(reg, val);
                return new byte[readLen];
            }
            if (datagram.length != 4 || readLen == 0) {
                return new byte[readLen];
            }
            long val = regs.read(reg);
            byte[] answer = TmcUartCodec.encodeFrames(TmcUartCodec.withCrc(0x05, 0xff, reg,
                    (int) (val >>> 24) & 0xff, (int) (val >>> 16) & 0xff, (int) (val >>> 8) & 0xff, (int) val & 0xff));
            byte[] out = new byte[readLen];
            System.arraycopy(answer, 0, out, 0, Math.min(readLen, answer.length));
            return out;
        }

        private long finish(long waketime) {
            active = false;
            fw.send("tmcuart_response", oid, reply);
            return Scheduler.DONE;
        }
    }

    private final Firmware fw;

    TmcUarts(Firmware fw) {
        this.fw = fw;
    }

    @Override
    public void registerCommands(Map<String, Command> c) {
        c.put("config_tmcuart", a -> {
            Pins.pin(fw, a[1]);
            fw.oids().assign(u8(a[0]), new TmcUart(u8(a[0]), Pins.pin(fw, a[3]), u32(a[4])));
        });
        c.put("tmcuart_send", a -> fw.oids().lookup(u8(a[0]), TmcUart.class).send((byte[]) a[1], u8(a[2])));
    }

    @Override
    public void onShutdown() {
        for (OidTable.Entry<TmcUart> e : fw.oids().all(TmcUart.class)) {
            e.object().active = false;
        }
    }
}
