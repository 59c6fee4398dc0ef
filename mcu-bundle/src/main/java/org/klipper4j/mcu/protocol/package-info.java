/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/**
 * Klipper's MCU message protocol: data dictionaries, message formats, VLQ
 * encoding, message blocks, batch output and stream decoding. Exported so the
 * virtual MCU and tools can speak the same protocol.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.mcu.protocol;
