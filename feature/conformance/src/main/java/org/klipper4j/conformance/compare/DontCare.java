/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.HashSet;
import java.util.Set;

/**
 * Parameters the firmware ignores given another parameter's value: endstop_home with
 * sample_count=0 only stops homing, so its clock, trsync_oid etc. do not matter.
 */
final class DontCare {
    private DontCare() {
    }

    static Set<String> of(Command c) {
        if (!c.name().equals("endstop_home")) {
            return Set.of();
        }
        int n = c.values().length;
        boolean disabled = false;
        for (int i = 0; i < n; i++) {
            if (c.params().get(i).name().equals("sample_count")) {
                disabled = (c.intValue(i) & ClockUnwrapper.U32) == 0;
            }
        }
        if (!disabled) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = c.params().get(i).name();
            if (!name.equals("oid") && !name.equals("sample_count")) {
                out.add(name);
            }
        }
        return out;
    }
}
