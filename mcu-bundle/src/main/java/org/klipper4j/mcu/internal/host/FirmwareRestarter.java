/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.IOException;

import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.mcu.internal.link.ReactorPause;
import org.klipper4j.mcu.internal.link.RestartSequences;
import org.klipper4j.mcu.internal.link.UsbHubPower;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FIRMWARE_RESTART for one MCU with Klipper's restart methods: {@code command} (the
 * firmware's {@code reset}, or {@code config_reset} after an emergency stop),
 * {@code arduino} and {@code cheetah} (serial line pulses), {@code rpi_usb} (the Raspberry
 * Pi's USB power off for {@value #RPI_USB_OFF_TIME} s, then on again).
 */
final class FirmwareRestarter {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareRestarter.class);

    static final double RPI_USB_OFF_TIME = 2.0;

    private final McuImpl mcu;
    private final Reactor reactor;
    private final UsbHubPower usbPower;

    FirmwareRestarter(McuImpl mcu, Reactor reactor, UsbHubPower usbPower) {
        this.mcu = mcu;
        this.reactor = reactor;
        this.usbPower = usbPower;
    }

    void restart(String restartMethod, String serial, MessageFormat resetCmd, MessageFormat configResetCmd) {
        String name = mcu.getName();
        String method = restartMethod == null ? "arduino" : restartMethod;
        try {
            switch (method) {
                case "rpi_usb" -> {
                    LOG.info("Attempting MCU '{}' reset via rpi usb power", name);
                    mcu.disconnect();
                    usbPower.setPower(false);
                    ReactorPause.pause(reactor, RPI_USB_OFF_TIME);
                    usbPower.setPower(true);
                }
                case "command" -> viaCommand(resetCmd, configResetCmd);
                case "cheetah" -> {
                    LOG.info("Attempting MCU '{}' Cheetah-style reset", name);
                    mcu.disconnect();
                    RestartSequences.cheetahReset(serial, reactor);
                }
                default -> {
                    LOG.info("Attempting MCU '{}' reset", name);
                    mcu.disconnect();
                    RestartSequences.arduinoReset(serial, reactor);
                }
            }
        } catch (IOException e) {
            LOG.error("MCU '{}' reset failed: {}", name, e.getMessage());
        }
    }

    private void viaCommand(MessageFormat resetCmd, MessageFormat configResetCmd) {
        String name = mcu.getName();
        if ((resetCmd == null && configResetCmd == null) || !mcu.isLinkActive()) {
            LOG.info("Unable to issue reset command on MCU '{}'", name);
            return;
        }
        if (resetCmd == null) {
            LOG.info("Attempting MCU '{}' config_reset command", name);
            mcu.shutDownForReset();
            ReactorPause.pause(reactor, 0.015);
            mcu.sendNow(configResetCmd);
        } else {
            LOG.info("Attempting MCU '{}' reset command", name);
            mcu.sendNow(resetCmd);
        }
        ReactorPause.pause(reactor, 0.015);
        mcu.disconnect();
    }
}
