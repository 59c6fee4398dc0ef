/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.mcu.PinChip;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/** Parses {@code [chip:]pin} and records the share types asked for; no checks of its own. */
final class FakePins implements Pins {
    final List<String> shareTypes = new ArrayList<>();

    @Override
    public void registerChip(String chipName, PinChip chip) {
    }

    @Override
    public PinParams lookupPin(String pinDesc, boolean canInvert, boolean canPullup, String shareType) {
        shareTypes.add(shareType);
        int colon = pinDesc.indexOf(':');
        return colon < 0 ? new PinParams("mcu", pinDesc.trim(), false, 0)
                : new PinParams(pinDesc.substring(0, colon).trim(), pinDesc.substring(colon + 1).trim(), false, 0);
    }

    @Override
    public Object setupPin(String pinType, String pinDesc) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void allowMultiUsePin(String pinDesc) {
    }
}
