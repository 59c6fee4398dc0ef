/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuI2c;
import org.klipper4j.core.api.mcu.McuSpi;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * Builds SPI and I2C devices from a section's options, as Klipper's MCU_SPI_from_config
 * and MCU_I2C_from_config. Registered in the printer as {@code buses}.
 */
public final class BusesImpl implements Buses {
    /** Passed as the default address when {@code i2c_address} must be given. */
    public static final int NO_DEFAULT_ADDRESS = -1;
    private static final int MIN_SPEED = 100000;

    private final Printer printer;

    public BusesImpl(Printer printer) {
        this.printer = printer;
    }

    @Override
    public McuSpi spiFromConfig(ConfigSection config, int mode, String csPinOption, int defaultSpeed) {
        Pins pins = printer.lookupObject("pins", Pins.class);
        PinParams csParams = pins.lookupPin(config.get(csPinOption), false, false, null);
        String csPin = "None".equals(csParams.pin()) ? null : csParams.pin();
        Mcu mcu = mcuOfChip(csParams.chipName());
        int speed = config.getInt("spi_speed", defaultSpeed, MIN_SPEED, null);
        List<String> softwarePins = null;
        String bus = null;
        if (config.get("spi_software_sclk_pin", null) != null) {
            softwarePins = new ArrayList<>();
            for (String name : List.of("miso", "mosi", "sclk")) {
                String option = "spi_software_" + name + "_pin";
                PinParams params = pins.lookupPin(config.get(option), false, false, option);
                if (!params.chipName().equals(csParams.chipName())) {
                    throw new ConfigException(config.getName() + ": spi pins must be on same mcu");
                }
                softwarePins.add(params.pin());
            }
        } else {
            bus = config.get("spi_bus", null);
        }
        return new McuSpiImpl(mcu, bus, csPin, mode, speed, softwarePins, false);
    }

    @Override
    public McuI2c i2cFromConfig(ConfigSection config, int defaultAddress, int defaultSpeed) {
        Mcu mcu = mcuOfChip(config.get("i2c_mcu", "mcu"));
        int speed = config.getInt("i2c_speed", defaultSpeed, MIN_SPEED, null);
        Integer address = config.getInt("i2c_address", defaultAddress < 0 ? null : defaultAddress, 0, 127);
        if (address == null) {
            // Required: reading it without a default raises the section's missing-option error.
            address = config.getInt("i2c_address");
        }
        List<String> softwarePins = null;
        String bus = null;
        if (config.get("i2c_software_scl_pin", null) != null) {
            Pins pins = printer.lookupObject("pins", Pins.class);
            softwarePins = new ArrayList<>();
            for (String name : List.of("scl", "sda")) {
                String option = "i2c_software_" + name + "_pin";
                softwarePins.add(pins.lookupPin(config.get(option), false, false, option).pin());
            }
        } else {
            bus = config.get("i2c_bus", null);
        }
        return new McuI2cImpl(mcu, bus, address, speed, softwarePins);
    }

    @Override
    public McuSpi softwareSpiWithoutCs(Mcu mcu, String misoPin, String mosiPin, String sclkPin, int mode,
            int speed) {
        return new McuSpiImpl(mcu, null, null, mode, speed, List.of(misoPin, mosiPin, sclkPin), false);
    }

    /** The MCU object for a chip name: {@code mcu} or {@code mcu NAME}. */
    private Mcu mcuOfChip(String chipName) {
        return printer.lookupObject("mcu".equals(chipName) ? "mcu" : "mcu " + chipName, Mcu.class);
    }
}
