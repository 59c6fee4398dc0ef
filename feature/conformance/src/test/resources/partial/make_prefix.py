#!/usr/bin/env python3
# klipper4j - a Klipper-compatible printer host. GPL-3.0-only.
"""Cuts Klipper's decoded expected stream of a probe case at BED_MESH_CALIBRATE.

Usage: make_prefix.py DECODED.txt CUT_AFTER_LINE Z_OID XY_OIDS ENABLE_OIDS [END_CLOCK] > prefix.txt
  DECODED.txt     output of `mcustream.py decode DICT expected.serial`
  CUT_AFTER_LINE  1-based line number of the last message before BED_MESH_CALIBRATE's
                  own messages (the end of the last command's non-step traffic)
  Z_OID, XY_OIDS  stepper oids (XY_OIDS comma separated)
  ENABLE_OIDS     the enable pins switched off at exit, in Klipper's order
  END_CLOCK       the print time (in clock ticks) the last command ended at when it was
                  not a move (a BLTouch command ends MIN_CMD_TIME after its pulse)

After the cut, the steps still owed to the moves before BED_MESH_CALIBRATE are kept:
Z steps until Z changes direction (the bed_mesh lift), X/Y steps until the first step
of a new move (an interval over 0.1 s). The host switches the motors off at exit:
DISABLE_STALL_TIME (0.1 s) after the end of the last move, which ends half a step of
deceleration (at max_accel) after its last step. Encode the result with
`mcustream.py encode DICT prefix.txt expected-prefix.serial`.
"""
import math
import sys

CLOCK_FREQ = 16000000
MAX_ACCEL = 3000.
XY_STEP_DIST = 40. / (200 * 16)


def main():
    lines = open(sys.argv[1]).read().splitlines()
    lines = [l for l in lines if not l.startswith('mcustream:')]
    cut = int(sys.argv[2])
    zoid = sys.argv[3]
    xyoids = sys.argv[4].split(',')
    enables = sys.argv[5].split(',')
    out = lines[:cut]
    z_done = False
    xy_done = {o: False for o in xyoids}
    xy_first = {o: True for o in xyoids}
    for line in lines[cut:]:
        parts = line.split()
        if len(parts) < 2 or not parts[1].startswith('oid='):
            continue
        oid = parts[1][4:]
        if parts[0] == 'set_next_step_dir' and oid == zoid:
            z_done = True
        if oid == zoid and not z_done and parts[0] in ('queue_step', 'set_next_step_dir'):
            out.append(line)
        if oid in xy_done and not xy_done[oid] and parts[0] in ('queue_step', 'set_next_step_dir'):
            if parts[0] == 'queue_step':
                interval = int(parts[2].split('=')[1])
                if interval > CLOCK_FREQ // 10 and not xy_first[oid]:
                    xy_done[oid] = True
                    continue
                xy_first[oid] = False
            out.append(line)
    last_step = max(last_step_clock(out, o) for o in xyoids + [zoid])
    half_step = math.sqrt(2. * (XY_STEP_DIST / 2.) / MAX_ACCEL)
    end = last_step + half_step * CLOCK_FREQ
    if len(sys.argv) > 6:
        end = max(end, int(sys.argv[6]))
    off = int(end + 0.100 * CLOCK_FREQ)
    for e in enables:
        out.append('queue_digital_out oid=%s clock=%d on_ticks=1' % (e, off))
    print('\n'.join(out))


def last_step_clock(lines, oid):
    clock = 0
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or parts[1] != 'oid=' + oid:
            continue
        if parts[0] == 'reset_step_clock':
            clock = int(parts[2].split('=')[1])
        elif parts[0] == 'queue_step':
            interval = int(parts[2].split('=')[1])
            count = int(parts[3].split('=')[1])
            add = int(parts[4].split('=')[1])
            for _ in range(count):
                clock += interval
                interval += add
    return clock


if __name__ == '__main__':
    main()
