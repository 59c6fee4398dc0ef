/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Python semantics templates rely on: literals, str/repr, printf-style formatting. Private. */
package org.klipper4j.extras.gcodemacro.internal.python;
