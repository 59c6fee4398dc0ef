/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.TrapQueue;

/**
 * Reads one trapq's history (Klipper's DumpTrapQ): the requested position and
 * velocity at a time, and the {@code motion_report/dump_trapq} stream of moves.
 */
final class TrapqDump {
    static final double NEVER_TIME = 9999999999999999.;
    /** A batch repeats at most this much of the last move it sent, to catch a move cut short later. */
    private static final double MAX_REPEAT = 0.100;

    private final String name;
    private final TrapQueue trapq;
    private List<Object> lastBatchMove = List.of(0., 0.);

    TrapqDump(Printer printer, String name, TrapQueue trapq) {
        this.name = name;
        this.trapq = trapq;
        BatchedClients.register(printer, "motion_report/dump_trapq", "name", name,
                Map.of("header", List.of("time", "duration", "start_velocity", "acceleration", "start_position",
                        "direction")),
                eventtime -> nextBatch());
    }

    String getName() {
        return name;
    }

    /** The history moves overlapping {@code (startTime, endTime)}, oldest first. */
    List<TrapMove> extract(double startTime, double endTime) {
        List<TrapMove> moves = new ArrayList<>(trapq.extractOld(startTime, endTime, Integer.MAX_VALUE));
        Collections.reverse(moves);
        return moves;
    }

    /** {x, y, z, velocity} requested at {@code printTime}, or null before any history. */
    double[] positionAndVelocity(double printTime) {
        List<TrapMove> found = trapq.extractOld(0., printTime, 1);
        if (found.isEmpty()) {
            return null;
        }
        TrapMove m = found.get(0);
        double t = Math.max(0., Math.min(m.moveT, printTime - m.printTime));
        double dist = m.getDistance(t);
        return new double[] {m.startX + m.axesRX * dist, m.startY + m.axesRY * dist, m.startZ + m.axesRZ * dist,
            m.startV + 2. * m.halfAccel * t};
    }

    /** The moves since the last batch, as {@code {"data": [[time, duration, v, accel, [pos], [dir]], ...]}}. */
    Map<String, Object> nextBatch() {
        double fromTime = (Double) lastBatchMove.get(0) + Math.min((Double) lastBatchMove.get(1), MAX_REPEAT);
        List<List<Object>> data = new ArrayList<>();
        for (TrapMove m : extract(fromTime, NEVER_TIME)) {
            data.add(List.of(m.printTime, m.moveT, m.startV, 2. * m.halfAccel, List.of(m.startX, m.startY, m.startZ),
                    List.of(m.axesRX, m.axesRY, m.axesRZ)));
        }
        if (!data.isEmpty() && data.get(0).equals(lastBatchMove)) {
            data.remove(0);
        }
        if (data.isEmpty()) {
            return Map.of();
        }
        lastBatchMove = data.get(data.size() - 1);
        return Map.of("data", data);
    }
}
