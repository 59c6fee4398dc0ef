/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** The pin registry (Klipper's {@code pins} object); registered in the printer as {@code "pins"}. */
public interface Pins {
    void registerChip(String chipName, PinChip chip);

    /** Parses a pin description; throws a config error on bad syntax or a pin used twice. */
    PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType);

    /** Looks a pin up and asks its chip for an object of {@code pinType}. */
    Object setupPin(String pinType, String pinDesc);

    /** Lets {@code pinDesc} be used by several objects of {@code shareType}. */
    void allowMultiUsePin(String pinDesc);
}
