/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of changed bytes between two frame buffers, as neopixel updates send them:
 * changes close to each other (gap of at most four bytes) are merged into one run while
 * the following run is shorter than 16 bytes.
 */
final class ChangedRuns {
    private ChangedRuns() {
    }

    /** {position, count} pairs, in order. */
    static List<int[]> find(byte[] oldData, byte[] newData) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < newData.length; i++) {
            if (newData[i] != oldData[i]) {
                runs.add(new int[] {i, 1});
            }
        }
        for (int i = runs.size() - 2; i >= 0; i--) {
            int[] run = runs.get(i);
            int[] next = runs.get(i + 1);
            if (run[0] + 5 >= next[0] && next[1] < 16) {
                run[1] = next[1] + (next[0] - run[0]);
                runs.remove(i + 1);
            }
        }
        return runs;
    }
}
