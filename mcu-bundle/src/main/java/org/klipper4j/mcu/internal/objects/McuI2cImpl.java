/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuI2c;
import org.klipper4j.core.api.mcu.McuQueryCommand;

/**
 * An I2C device (Klipper's MCU_I2C): hardware bus by name or software I2C on two pins.
 * Writes and reads go through {@code i2c_transfer} (older firmware: i2c_write / i2c_read).
 */
public final class McuI2cImpl implements McuI2c {
    static final String TRANSFER_FORMAT = "i2c_transfer oid=%c write=%*s read_len=%u";
    static final String RESPONSE_FORMAT = "i2c_response oid=%c i2c_bus_status=%c response=%*s";
    static final String OLD_WRITE_FORMAT = "i2c_write oid=%c data=%*s";
    static final String OLD_READ_FORMAT = "i2c_read oid=%c reg=%*s read_len=%u";

    private final Mcu mcu;
    private final String bus;
    private final int address;
    private final int speed;
    private final List<String> softwarePins;
    private final int oid;
    private final CommandQueue queue;
    private boolean legacyCommands;
    private McuCommand writeCmd;
    private McuQueryCommand readCmd;

    /**
     * @param bus          the {@code i2c_bus} name, or null for the MCU's default bus
     * @param softwarePins scl, sda pins for software I2C, or null for a hardware bus
     */
    public McuI2cImpl(Mcu mcu, String bus, int address, int speed, List<String> softwarePins) {
        this.mcu = mcu;
        this.bus = bus;
        this.address = address;
        this.speed = speed;
        this.softwarePins = softwarePins == null ? null : List.copyOf(softwarePins);
        this.oid = mcu.createOid();
        mcu.addConfigCommand(String.format("config_i2c oid=%d", oid));
        this.queue = mcu.allocCommandQueue();
        mcu.registerConfigCallback(this::buildConfig);
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public int getOid() {
        return oid;
    }

    @Override
    public int getAddress() {
        return address;
    }

    public CommandQueue getCommandQueue() {
        return queue;
    }

    private void buildConfig() {
        if (softwarePins != null) {
            long pulseTicks = mcu.secondsToClock(1.0 / speed / 2.0);
            mcu.addConfigCommand(String.format("i2c_set_sw_bus oid=%d scl_pin=%s sda_pin=%s pulse_ticks=%d address=%d",
                    oid, softwarePins.get(0), softwarePins.get(1), pulseTicks, address));
        } else {
            mcu.addConfigCommand(String.format("i2c_set_bus oid=%d i2c_bus=%s rate=%d address=%d", oid,
                    BusNames.resolve(mcu, "i2c_bus", bus), speed, address));
        }
        legacyCommands = !mcu.hasCommand(TRANSFER_FORMAT) && mcu.hasCommand(OLD_WRITE_FORMAT);
        if (legacyCommands) {
            writeCmd = mcu.lookupCommand(OLD_WRITE_FORMAT, queue);
            readCmd = mcu.lookupQueryCommand(OLD_READ_FORMAT, "i2c_read_response oid=%c response=%*s", oid, queue,
                    false);
            return;
        }
        writeCmd = mcu.lookupCommand(TRANSFER_FORMAT, queue);
        readCmd = mcu.lookupQueryCommand(TRANSFER_FORMAT, RESPONSE_FORMAT, oid, queue, false);
    }

    @Override
    public void i2cWrite(byte[] data, long minclock, long reqclock) {
        if (writeCmd == null) {
            // Before the config is built: the write goes out with the MCU's init commands.
            mcu.addConfigCommand(String.format("i2c_transfer oid=%d write=%s read_len=0", oid, McuLimits.hex(data)),
                    true, false);
            return;
        }
        if (legacyCommands) {
            writeCmd.sendScheduled(minclock, reqclock, oid, data);
        } else {
            writeCmd.sendScheduled(minclock, reqclock, oid, data, 0);
        }
    }

    @Override
    public byte[] i2cRead(byte[] register, int readLength) {
        Map<String, Object> params = readCmd.send(oid, register, readLength);
        Object status = params.get("i2c_bus_status");
        if (status != null && !isSuccess(status)) {
            throw new CommandError(String.format("I2C request to addr %d reports error %s", address, status));
        }
        return McuAdcImpl.bytesOf(params.get("response"));
    }

    /** The status arrives as its enumeration name, or as the number when the dictionary lacks the names. */
    private boolean isSuccess(Object status) {
        if (status instanceof Number number) {
            Map<String, Integer> names = mcu.getEnumerations().get("i2c_bus_status");
            Integer success = names == null ? null : names.get("SUCCESS");
            return success == null ? number.intValue() == 0 : number.intValue() == success;
        }
        return "SUCCESS".equals(status.toString());
    }
}
