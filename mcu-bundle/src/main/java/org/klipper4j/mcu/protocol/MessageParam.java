/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/**
 * One parameter of a message format.
 *
 * @param name        the name ({@code oid}, {@code pin}, ...; empty in output formats)
 * @param type        the wire type
 * @param enumeration the enumeration giving its values names, or null
 */
public record MessageParam(String name, ParamType type, Enumeration enumeration) {
}
