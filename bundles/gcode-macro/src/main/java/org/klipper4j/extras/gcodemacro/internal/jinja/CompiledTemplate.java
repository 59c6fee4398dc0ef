/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

/** A checked template in Jinjava's syntax, ready to render. */
public record CompiledTemplate(String source) {
}
