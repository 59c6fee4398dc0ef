/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.List;

/** An MCU object created by a {@code config_*} command, with the commands sent to it. */
final class McuObject {
    final long oid;
    final Command config;
    final int order;
    /** The config command and other commands before finalize_config. */
    final List<Command> setup = new ArrayList<>();
    /** Non-step commands after finalize_config. */
    final List<Command> runtime = new ArrayList<>();
    /** Identity: kind and what it drives (pins, buses, referenced objects). */
    String key1;
    /** key1 and every other config value. */
    String key2;
    /** key1 and which objects use it. */
    String key3;
    String label;

    McuObject(long oid, Command config, int order) {
        this.oid = oid;
        this.config = config;
        this.order = order;
        setup.add(config);
    }

    String kind() {
        return config.name();
    }
}
