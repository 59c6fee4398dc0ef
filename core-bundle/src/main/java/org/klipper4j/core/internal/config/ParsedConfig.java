/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.nio.file.Path;

/**
 * The result of reading printer.cfg.
 *
 * @param mainFile the main config file (SAVE_CONFIG rewrites it)
 * @param merged   the main file with its includes, then the SAVE_CONFIG block
 * @param autosave the SAVE_CONFIG block alone, minus options defined elsewhere
 */
record ParsedConfig(Path mainFile, RawConfig merged, RawConfig autosave) {
}
