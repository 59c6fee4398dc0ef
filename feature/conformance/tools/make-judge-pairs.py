#!/usr/bin/env python3
"""Builds the comparator's test pairs: reference streams edited in known ways, each
judged once by the shared judge (mcustream.py compare). The judge's verdicts are
stored in judge-pairs/verdicts.tsv as the expected results of StreamComparatorTest.

Run from feature/conformance:  python3 tools/make-judge-pairs.py /path/to/mcustream.py
"""
import json
import os
import re
import subprocess
import sys

JUDGE = sys.argv[1]
RES = "src/test/resources"
OUT = os.path.join(RES, "judge-pairs")

BASES = [  # (name, dict, reference stream) relative to RES
    ("pwm", "reference/dict/atmega2560.dict", "reference/cases/pwm-pwm/expected.serial"),
    ("manual_stepper", "reference/dict/atmega2560.dict",
     "reference/cases/manual_stepper-manual_stepper/expected.serial"),
    ("delta", "reference/dict/atmega2560.dict", "reference/cases/delta-example-delta/expected.serial"),
    ("iqex_extboard", "reference/dict/stm32h723.dict",
     "reference/cases/generic_cartesian_iqex-generic_cartesian_iqex/expected-extboard.serial"),
    ("temperature", "reference/dict/atmega2560.dict", "reference/cases/temperature-temperature/expected.serial"),
]


def decode(dic, path):
    out = subprocess.run([JUDGE, "decode", os.path.join(RES, dic), os.path.join(RES, path)],
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def params(line):
    parts = line.split()
    return parts[0], dict(p.split("=", 1) for p in parts[1:])


def build(name, fields):
    return " ".join([name] + ["%s=%s" % kv for kv in fields.items()])


def find(lines, pred):
    for i, l in enumerate(lines):
        if pred(*params(l)):
            return i
    return None


def set_param(lines, i, key, fn):
    n, f = params(lines[i])
    f[key] = str(fn(int(f[key])))
    lines[i] = build(n, f)


# --- edits: each returns new lines or None when it does not apply -----------------
def identity(lines):
    return list(lines)


def drop_step(lines):
    i = find(lines, lambda n, f: n == "queue_step" and int(f["count"]) > 1)
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "count", lambda c: c - 1)
    return out


def shift_step(lines, ticks):
    i = find(lines, lambda n, f: n == "queue_step" and int(f["count"]) > 2)
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "interval", lambda v: v + ticks)
    return out


def rechunk(lines):
    i = find(lines, lambda n, f: n == "queue_step" and int(f["count"]) >= 4)
    if i is None:
        return None
    n, f = params(lines[i])
    count, interval, add = int(f["count"]), int(f["interval"]), int(f["add"])
    k = count // 2
    first = dict(f, count=str(k))
    second = dict(f, interval=str(interval + add * k), count=str(count - k))
    return lines[:i] + [build(n, first), build(n, second)] + lines[i + 1:]


def change_value(lines):
    i = find(lines, lambda n, f: n in ("queue_pwm_out", "queue_digital_out") and "clock" in f)
    if i is None:
        return None
    out = list(lines)
    key = "value" if params(out[i])[0] == "queue_pwm_out" else "on_ticks"
    set_param(out, i, key, lambda v: v + 1 if v < 200 else v - 1)
    return out


def shift_clock(lines, ticks):
    fin = find(lines, lambda n, f: n == "finalize_config")
    i = None
    for j in range(fin + 1, len(lines)):
        n, f = params(lines[j])
        if "clock" in f and n not in ("queue_step", "reset_step_clock") and int(f["clock"]) > 0:
            i = j
            break
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "clock", lambda v: v + ticks)
    return out


def renumber_oids(lines):
    oids = []
    for l in lines:
        n, f = params(l)
        if n.startswith("config_") and "oid" in f:
            oids.append(f["oid"])
    if len(oids) < 2:
        return None
    perm = dict(zip(oids, reversed(oids)))
    out = []
    for l in lines:
        n, f = params(l)
        for k in list(f):
            if k == "oid" or k.endswith("_oid"):
                f[k] = perm.get(f[k], f[k])
        out.append(build(n, f))
    return out


def swap_interleaving(lines):
    fin = find(lines, lambda n, f: n == "finalize_config")
    for j in range(fin + 1, len(lines) - 1):
        a, b = params(lines[j]), params(lines[j + 1])
        if "oid" in a[1] and "oid" in b[1] and a[1]["oid"] != b[1]["oid"]:
            out = list(lines)
            out[j], out[j + 1] = out[j + 1], out[j]
            return out
    return None


def truncate_tail(lines):
    return lines[:-3] if len(lines) > 12 else None


def extra_command(lines):
    i = find(lines, lambda n, f: n in ("queue_pwm_out", "queue_digital_out", "queue_step") and "oid" in f)
    if i is None:
        return None
    return lines[:i + 1] + [lines[i]] + lines[i + 1:]


def endstop_home(lines, disabled):
    i = find(lines, lambda n, f: n == "endstop_home" and (int(f["sample_count"]) == 0) == disabled)
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "rest_ticks", lambda v: v + 7)
    if disabled:
        set_param(out, i, "clock", lambda v: v + 123456)
    return out


def queue_step_count_zero(lines):
    i = find(lines, lambda n, f: n == "queue_step")
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "count", lambda v: 0)
    return out


def unconfigured_oid(lines):
    fin = find(lines, lambda n, f: n == "finalize_config")
    for j in range(fin + 1, len(lines)):
        if "oid" in params(lines[j])[1]:
            out = list(lines)
            set_param(out, j, "oid", lambda v: 200)
            return out
    return None


def drop_finalize(lines):
    fin = find(lines, lambda n, f: n == "finalize_config")
    return lines[:fin] + lines[fin + 1:]


def dict_pins(dic):
    """Every pin name of a dictionary (ranges like "PA0": [0, 16] expanded)."""
    with open(os.path.join(RES, dic)) as fh:
        enums = json.load(fh).get("enumerations", {}).get("pin", {})
    pins = []
    for name, val in enums.items():
        if isinstance(val, int):
            pins.append(name)
            continue
        root = name.rstrip("0123456789")
        start = int(name[len(root):] or 0)
        pins.extend(root + str(start + k) for k in range(val[1]))
    return pins


def change_pin(lines, dic):
    text = "\n".join(lines)
    i = find(lines, lambda n, f: n.startswith("config_") and "pin" in f)
    if i is None:
        return None
    unused = next(p for p in dict_pins(dic) if "=" + p + " " not in text.replace("\n", " ") + " ")
    out = list(lines)
    n, f = params(out[i])
    f["pin"] = unused
    out[i] = build(n, f)
    return out


def change_config_value(lines):
    i = find(lines, lambda n, f: n == "config_stepper")
    if i is None:
        return None
    out = list(lines)
    set_param(out, i, "step_pulse_ticks", lambda v: v + 1)
    return out


EDITS = [
    ("identity", identity),
    ("drop_step", drop_step),
    ("shift_step_within_tolerance", lambda l: shift_step(l, 50)),
    ("shift_step_beyond_tolerance", lambda l: shift_step(l, 5000)),
    ("rechunk_queue_step", rechunk),
    ("change_output_value", change_value),
    ("shift_clock_within_1ms", lambda l: shift_clock(l, 100)),
    ("shift_clock_beyond_1ms", lambda l: shift_clock(l, 200000)),
    ("renumber_oids", renumber_oids),
    ("swap_interleaving", swap_interleaving),
    ("truncate_tail", truncate_tail),
    ("extra_command", extra_command),
    ("endstop_home_disabled_dont_care", lambda l: endstop_home(l, True)),
    ("endstop_home_active_rest_ticks", lambda l: endstop_home(l, False)),
    ("queue_step_count_zero", queue_step_count_zero),
    ("unconfigured_oid", unconfigured_oid),
    ("drop_finalize_config", drop_finalize),
    ("change_pin", None),
    ("change_config_value", change_config_value),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = ["pair\tdict\treference\ttest\tjudge_equivalent\tjudge_exit"]
    for base, dic, ref in BASES:
        lines = decode(dic, ref)
        for ename, edit in EDITS:
            edited = change_pin(lines, dic) if edit is None else edit(lines)
            if edited is None:
                continue
            pair = "%s-%s" % (base, ename)
            txt = os.path.join(OUT, pair + ".txt")
            ser = os.path.join(OUT, pair + ".serial")
            with open(txt, "w") as fh:
                fh.write("\n".join(edited) + "\n")
            subprocess.run([JUDGE, "encode", os.path.join(RES, dic), txt, ser], check=True)
            os.remove(txt)
            res = subprocess.run([JUDGE, "compare", os.path.join(RES, dic), os.path.join(RES, ref), ser],
                                 capture_output=True, text=True)
            last = res.stdout.strip().splitlines()[-1]
            eq = "yes" if last.startswith("equivalent: yes") else "no"
            rows.append("\t".join([pair, dic, ref, "judge-pairs/" + pair + ".serial", eq, str(res.returncode)]))
    # a corrupted byte: a decode error for the judge
    with open(os.path.join(RES, BASES[1][2]), "rb") as fh:
        data = bytearray(fh.read())
    data[len(data) // 2] ^= 0x55
    ser = os.path.join(OUT, "manual_stepper-corrupt_byte.serial")
    with open(ser, "wb") as fh:
        fh.write(data)
    res = subprocess.run([JUDGE, "compare", os.path.join(RES, BASES[1][1]), os.path.join(RES, BASES[1][2]), ser],
                         capture_output=True, text=True)
    eq = "yes" if res.stdout.strip().splitlines()[-1].startswith("equivalent: yes") else "no"
    rows.append("\t".join(["manual_stepper-corrupt_byte", BASES[1][1], BASES[1][2],
                           "judge-pairs/manual_stepper-corrupt_byte.serial", eq, str(res.returncode)]))
    with open(os.path.join(OUT, "verdicts.tsv"), "w") as fh:
        fh.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
