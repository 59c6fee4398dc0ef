/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.TrapQueue;

/**
 * Klipper's trapq: moves ordered by print time, framed by a head and a tail
 * sentinel; gaps between moves are filled with stationary moves so the solver
 * always finds a move for any time. Finished moves go to a history list.
 */
public final class TrapQueueImpl implements TrapQueue {
    static final double NEVER_TIME = 9999999999999999.9;
    /** The first gap-filling move is at most this long, for numerical stability. */
    private static final double MAX_NULL_MOVE = 1.0;

    private final ArrayList<TrapMove> moves = new ArrayList<>();
    /** Newest first. */
    private final ArrayDeque<TrapMove> history = new ArrayDeque<>();
    private final TrapMove head = new TrapMove();
    private final TrapMove tail = new TrapMove();
    private boolean tailStale;

    public TrapQueueImpl() {
        tail.printTime = NEVER_TIME;
        tail.moveT = NEVER_TIME;
        moves.add(head);
        moves.add(tail);
        head.next = tail;
        tail.prev = head;
    }

    /** Links {@code m} into the chain just before the tail sentinel. */
    private void linkBeforeTail(TrapMove m) {
        TrapMove before = tail.prev;
        before.next = m;
        m.prev = before;
        m.next = tail;
        tail.prev = m;
    }

    /** The moves including both sentinels; index 0 is the head sentinel. */
    List<TrapMove> moves() {
        return moves;
    }

    /** Brings the tail sentinel to the end position of the last move. */
    public void checkSentinels() {
        if (!tailStale) {
            return;
        }
        tailStale = false;
        TrapMove last = moves.get(moves.size() - 2);
        tail.printTime = NEVER_TIME;
        tail.moveT = NEVER_TIME;
        if (last == head) {
            return;
        }
        double t = last.moveT;
        // the tail starts where the last move ends, so steps generated past the
        // last move (pressure advance, input shaping) find the resting position
        tail.printTime = last.printTime + last.moveT;
        tail.startX = last.coordX(t);
        tail.startY = last.coordY(t);
        tail.startZ = last.coordZ(t);
    }

    private void addMove(TrapMove m) {
        TrapMove prev = moves.get(moves.size() - 2);
        if (prev.printTime + prev.moveT < m.printTime) {
            TrapMove nullMove = new TrapMove();
            nullMove.startX = m.startX;
            nullMove.startY = m.startY;
            nullMove.startZ = m.startZ;
            if (prev.printTime == 0.0 && m.printTime > MAX_NULL_MOVE) {
                nullMove.printTime = m.printTime - MAX_NULL_MOVE;
            } else {
                nullMove.printTime = prev.printTime + prev.moveT;
            }
            nullMove.moveT = m.printTime - nullMove.printTime;
            moves.add(moves.size() - 1, nullMove);
            linkBeforeTail(nullMove);
        }
        moves.add(moves.size() - 1, m);
        linkBeforeTail(m);
        tailStale = true;
    }

    @Override
    public void append(double printTime, double accelT, double cruiseT, double decelT, double startX,
            double startY, double startZ, double axesRX, double axesRY, double axesRZ, double startV,
            double cruiseV, double accel) {
        double x = startX;
        double y = startY;
        double z = startZ;
        double time = printTime;
        if (accelT != 0.0) {
            TrapMove m = segment(time, accelT, startV, .5 * accel, x, y, z, axesRX, axesRY, axesRZ);
            addMove(m);
            time += accelT;
            x = m.coordX(accelT);
            y = m.coordY(accelT);
            z = m.coordZ(accelT);
        }
        if (cruiseT != 0.0) {
            TrapMove m = segment(time, cruiseT, cruiseV, 0.0, x, y, z, axesRX, axesRY, axesRZ);
            addMove(m);
            time += cruiseT;
            x = m.coordX(cruiseT);
            y = m.coordY(cruiseT);
            z = m.coordZ(cruiseT);
        }
        if (decelT != 0.0) {
            addMove(segment(time, decelT, cruiseV, -.5 * accel, x, y, z, axesRX, axesRY, axesRZ));
        }
    }

    private static TrapMove segment(double printTime, double moveT, double startV, double halfAccel, double x,
            double y, double z, double rx, double ry, double rz) {
        TrapMove m = new TrapMove();
        m.printTime = printTime;
        m.moveT = moveT;
        m.startV = startV;
        m.halfAccel = halfAccel;
        m.startX = x;
        m.startY = y;
        m.startZ = z;
        m.axesRX = rx;
        m.axesRY = ry;
        m.axesRZ = rz;
        return m;
    }

    /** Moves segments that end by {@code printTime} to history; drops history older than {@code clearHistoryTime}. */
    public void finalizeMoves(double printTime, double clearHistoryTime) {
        while (true) {
            TrapMove m = moves.get(1);
            if (m == tail) {
                tail.printTime = NEVER_TIME;
                tailStale = false;
                break;
            }
            if (m.printTime + m.moveT > printTime) {
                break;
            }
            moves.remove(1);
            // the finalized segment leaves the chain; it keeps its own links for nobody
            head.next = m.next;
            m.next.prev = head;
            m.prev = null;
            m.next = null;
            if (m.startV != 0.0 || m.halfAccel != 0.0) {
                history.addFirst(m);
            }
        }
        // keep the newest history entry even when old, it holds the last position
        while (history.size() > 1) {
            TrapMove oldest = history.peekLast();
            if (oldest.printTime + oldest.moveT > clearHistoryTime) {
                break;
            }
            history.removeLast();
        }
    }

    @Override
    public void setPosition(double printTime, double x, double y, double z) {
        finalizeMoves(NEVER_TIME, 0.0);
        Iterator<TrapMove> it = history.iterator();
        while (it.hasNext()) {
            TrapMove m = it.next();
            if (m.printTime < printTime) {
                if (m.printTime + m.moveT > printTime) {
                    m.moveT = printTime - m.printTime;
                }
                break;
            }
            it.remove();
        }
        TrapMove marker = new TrapMove();
        marker.printTime = printTime;
        marker.startX = x;
        marker.startY = y;
        marker.startZ = z;
        history.addFirst(marker);
    }

    @Override
    public double[] positionAt(double printTime) {
        for (int i = moves.size() - 2; i >= 1; i--) {
            TrapMove m = moves.get(i);
            if (m.printTime <= printTime) {
                return coordAt(m, printTime);
            }
        }
        for (TrapMove m : history) {
            if (m.printTime <= printTime) {
                return coordAt(m, printTime);
            }
        }
        return null;
    }

    @Override
    public List<TrapMove> extractOld(double startTime, double endTime, int max) {
        List<TrapMove> out = new ArrayList<>();
        for (TrapMove m : history) {
            if (startTime >= m.printTime + m.moveT || out.size() >= max) {
                break;
            }
            if (endTime <= m.printTime) {
                continue;
            }
            TrapMove copy = segment(m.printTime, m.moveT, m.startV, m.halfAccel, m.startX, m.startY, m.startZ,
                    m.axesRX, m.axesRY, m.axesRZ);
            out.add(copy);
        }
        return out;
    }

    private static double[] coordAt(TrapMove m, double printTime) {
        double t = Math.min(printTime - m.printTime, m.moveT);
        return new double[] {m.coordX(t), m.coordY(t), m.coordZ(t)};
    }
}
