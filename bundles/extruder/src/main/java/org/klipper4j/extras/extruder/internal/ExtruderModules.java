/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/**
 * The extruder module for each section Klipper names an extruder: {@code extruder},
 * {@code extruder1} .. {@code extruder9}. Each is a section of its own (not a
 * prefix) and a component names one section, so there is one small DS component
 * per name, all sharing {@link ExtruderModule}.
 */
public final class ExtruderModules {
    static final int MAX_EXTRA_EXTRUDERS = 9;

    private ExtruderModules() {
    }

    /** {@code [extruder]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder")
    public static final class Extruder0 extends ExtruderModule {
    }

    /** {@code [extruder1]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder1")
    public static final class Extruder1 extends ExtruderModule {
    }

    /** {@code [extruder2]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder2")
    public static final class Extruder2 extends ExtruderModule {
    }

    /** {@code [extruder3]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder3")
    public static final class Extruder3 extends ExtruderModule {
    }

    /** {@code [extruder4]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder4")
    public static final class Extruder4 extends ExtruderModule {
    }

    /** {@code [extruder5]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder5")
    public static final class Extruder5 extends ExtruderModule {
    }

    /** {@code [extruder6]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder6")
    public static final class Extruder6 extends ExtruderModule {
    }

    /** {@code [extruder7]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder7")
    public static final class Extruder7 extends ExtruderModule {
    }

    /** {@code [extruder8]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder8")
    public static final class Extruder8 extends ExtruderModule {
    }

    /** {@code [extruder9]}. */
    @Component(service = PrinterModule.class, property = PrinterModule.SECTION + "=extruder9")
    public static final class Extruder9 extends ExtruderModule {
    }
}
