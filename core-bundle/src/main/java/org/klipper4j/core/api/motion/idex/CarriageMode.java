/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

/** What a dual carriage does: parked, driven by the toolhead, or following it copied or mirrored. */
public enum CarriageMode {
    INACTIVE, PRIMARY, COPY, MIRROR
}
