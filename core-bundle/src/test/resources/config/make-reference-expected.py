# klipper4j - a Klipper-compatible printer host. GPL-3.0-only.
# Regenerate: python3 make-reference-expected.py reference > reference-expected.json
# Builds the expected raw values of each reference config with Python's own
# configparser, following the steps Klipper takes (strip '#', then
# RawConfigParser(strict=False, inline_comment_prefixes=(';','#'))).
import configparser, json, os, sys
HDR = "\n#*# <---------------------- SAVE_CONFIG ---------------------->\n#*# DO NOT EDIT THIS BLOCK OR BELOW. The contents are auto-generated.\n#*#\n"
def parser():
    return configparser.RawConfigParser(strict=False, inline_comment_prefixes=(';', '#'))
def feed(cp, text):
    lines = [l.split('#', 1)[0] for l in text.split('\n')]
    cp.read_string('\n'.join(lines))
root = sys.argv[1]
out = {}
for d, _, files in os.walk(root):
    for f in sorted(files):
        if not f.endswith('.cfg'): continue
        p = os.path.join(d, f)
        data = open(p).read().replace('\r\n', '\n')
        reg, auto = data, ''
        pos = data.find(HDR)
        if pos >= 0:
            reg = data[:pos]
            auto = '\n'.join(l[4:] for l in data[pos+len(HDR):].strip().split('\n'))
        cp = parser(); feed(cp, reg)
        if auto:
            feed(cp, auto)  # no duplicates in these files
        rel = os.path.relpath(p, root)
        out[rel] = {s: {o: cp.get(s, o) for o in cp.options(s)} for s in cp.sections()}
json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
