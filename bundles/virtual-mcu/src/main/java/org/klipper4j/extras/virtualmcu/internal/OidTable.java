/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.ArrayList;
import java.util.List;

/** The firmware's object ids: allocated once, each assigned one typed object before finalize. */
final class OidTable {
    private final Firmware fw;
    private Object[] objects;
    private boolean finalized;

    OidTable(Firmware fw) {
        this.fw = fw;
    }

    void allocate(int count) {
        if (objects != null) {
            throw fw.shutdown("oids already allocated");
        }
        objects = new Object[count];
    }

    <T> T assign(int oid, T object) {
        if (objects == null || oid >= objects.length || objects[oid] != null || finalized) {
            throw fw.shutdown("Can't assign oid");
        }
        objects[oid] = object;
        return object;
    }

    <T> T lookup(int oid, Class<T> type) {
        if (objects == null || oid >= objects.length || !type.isInstance(objects[oid])) {
            throw fw.shutdown("Invalid oid type");
        }
        return type.cast(objects[oid]);
    }

    /** Every object of a type, in oid order, with its oid. */
    <T> List<Entry<T>> all(Class<T> type) {
        List<Entry<T>> out = new ArrayList<>();
        if (objects != null) {
            for (int i = 0; i < objects.length; i++) {
                if (type.isInstance(objects[i])) {
                    out.add(new Entry<>(i, type.cast(objects[i])));
                }
            }
        }
        return out;
    }

    record Entry<T>(int oid, T object) {
    }

    void finalizeConfig() {
        if (objects == null || finalized) {
            throw fw.shutdown("Already finalized");
        }
        finalized = true;
    }

    boolean isFinalized() {
        return finalized;
    }
}
