/*
 * klipper4j - a Klipper-compatible printer host. GPL-3.0-only.
 */
/**
 * G-code templates (Klipper's Jinja2 templates of {@code gcode_macro}), used by every
 * section that takes a template option: {@code homing_override}, {@code delayed_gcode},
 * filament sensors' {@code runout_gcode}, {@code display_template}, LED templates.
 * The engine is the printer object {@code "gcode_macro"}, served by the gcode-macro
 * bundle; load it with {@code printer.loadObject(config, "gcode_macro")}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.core.api.template;
