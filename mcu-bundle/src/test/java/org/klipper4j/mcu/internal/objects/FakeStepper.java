/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import org.klipper4j.core.api.mcu.Mcu;

/** A stepper with an oid on its MCU that counts the homing-end notes it gets. */
final class FakeStepper implements HomingStepper {
    private final Mcu mcu;
    private final String name;
    private final int oid;
    int homingEnds;

    FakeStepper(Mcu mcu, String name) {
        this.mcu = mcu;
        this.name = name;
        this.oid = mcu.createOid();
    }

    @Override
    public Mcu getMcu() {
        return mcu;
    }

    @Override
    public int getOid() {
        return oid;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void noteHomingEnd() {
        homingEnds++;
    }

    @Override
    public String toString() {
        return name;
    }
}
