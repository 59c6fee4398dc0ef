/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinParams;

/** Klipper's pin syntax, sharing rules and error messages. */
class PinsRegistryTest {
    private final PinsRegistry pins = new PinsRegistry();
    private final List<String> setups = new ArrayList<>();

    @BeforeEach
    void chips() {
        pins.registerChip("mcu", (type, params) -> {
            setups.add(type + " " + params);
            return type;
        });
        pins.registerChip("probe", (type, params) -> "virtual " + type);
    }

    @Test
    void parsesPullupInvertAndChip() {
        assertEquals(new PinParams("mcu", "PA1", true, 1), pins.lookupPin("^!PA1", true, true, null));
        assertEquals(new PinParams("mcu", "PA2", false, -1), pins.lookupPin(" ~ PA2 ", true, true, null));
        assertEquals(new PinParams("probe", "z_virtual_endstop", false, 0),
                pins.lookupPin("probe:z_virtual_endstop", true, true, null));
        assertEquals(new PinParams("mcu", "PA3", true, 0), pins.lookupPin("!mcu:PA3", true, false, null));
    }

    @Test
    void modifiersWhereNotAllowedAreInvalid() {
        ConfigException e = assertThrows(ConfigException.class, () -> pins.lookupPin("^PA1", true, false, null));
        assertEquals("Invalid pin description '^PA1'\nFormat is: [!] [chip_name:] pin_name", e.getMessage());
        e = assertThrows(ConfigException.class, () -> pins.lookupPin("!PA1", false, false, null));
        assertEquals("Invalid pin description '!PA1'\nFormat is: [chip_name:] pin_name", e.getMessage());
        e = assertThrows(ConfigException.class, () -> pins.lookupPin("PA 1", true, true, null));
        assertEquals("Invalid pin description 'PA 1'\nFormat is: [^~] [!] [chip_name:] pin_name", e.getMessage());
    }

    @Test
    void unknownChipIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> pins.lookupPin("ext:PA1", false, false, null));
        assertEquals("Unknown pin chip name 'ext'", e.getMessage());
        e = assertThrows(ConfigException.class, () -> pins.registerChip("probe", (t, p) -> null));
        assertEquals("Duplicate chip name 'probe'", e.getMessage());
    }

    @Test
    void pinUsedTwiceIsRejectedUnlessSharedOrAllowed() {
        pins.lookupPin("PB1", false, false, null);
        ConfigException e = assertThrows(ConfigException.class, () -> pins.lookupPin("mcu:PB1", false, false, null));
        assertEquals("pin PB1 used multiple times in config", e.getMessage());

        PinParams first = pins.lookupPin("!PB2", true, false, "stepper_enable");
        assertSame(first, pins.lookupPin("!PB2", true, false, "stepper_enable"));
        e = assertThrows(ConfigException.class, () -> pins.lookupPin("PB2", true, false, "stepper_enable"));
        assertEquals("Shared pin PB2 must have same polarity", e.getMessage());
        e = assertThrows(ConfigException.class, () -> pins.lookupPin("!PB2", true, false, "other"));
        assertEquals("pin PB2 used multiple times in config", e.getMessage());

        pins.allowMultiUsePin("PB3");
        PinParams a = pins.lookupPin("PB3", false, false, null);
        assertSame(a, pins.lookupPin("PB3", false, false, null));
    }

    @Test
    void setupPinAsksTheChipWithTheTypesModifiers() {
        assertEquals("endstop", pins.setupPin("endstop", "^!PC1"));
        assertEquals("virtual endstop", pins.setupPin("endstop", "probe:z_virtual_endstop"));
        assertEquals(List.of("endstop PinParams[chipName=mcu, pin=PC1, invert=true, pullup=1]"), setups);
        ConfigException e = assertThrows(ConfigException.class, () -> pins.setupPin("adc", "!PC2"));
        assertEquals("Invalid pin description '!PC2'\nFormat is: [chip_name:] pin_name", e.getMessage());
    }

    @Test
    void resolverRewritesAliasesAndRefusesReservedPins() {
        PinResolver r = pins.getPinResolver("mcu");
        r.aliasPin("EXP1_1", "PE10");
        r.reservePin("PA9", "serial");
        assertEquals("config_stepper oid=1 step_pin=PE10 dir_pin=PE11 invert_step=0",
                r.updateCommand("config_stepper oid=1 step_pin=EXP1_1 dir_pin=PE11 invert_step=0"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> r.updateCommand("config_digital_out oid=2 pin=PA9 value=0"));
        assertEquals("pin PA9 is reserved for serial", e.getMessage());
        e = assertThrows(ConfigException.class, () -> r.updateCommand("config_digital_out oid=3 pin=PE10 value=0"));
        assertEquals("pin PE10 is an alias for EXP1_1", e.getMessage());
        e = assertThrows(ConfigException.class, () -> pins.getPinResolver("nosuch"));
        assertEquals("Unknown chip name 'nosuch'", e.getMessage());
    }
}
