/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the reference corpus' {@code cases.tsv}: a Klipper regression run.
 * Paths are relative to the reference folder.
 *
 * @param id           {@code <test name>-<config basename>}
 * @param config       the printer config
 * @param dictionaries MCU name ({@code mcu} for the main one) to dictionary file name in {@code dict/}
 * @param gcode        the input file
 * @param expected     MCU name to Klipper's output stream
 * @param shouldFail   Klipper exits non-zero on this case
 * @param strict       false where timing-driven traffic makes only config and final state meaningful
 */
public record ConformanceCase(String id, String config, Map<String, String> dictionaries, String gcode,
        Map<String, String> expected, boolean shouldFail, boolean strict) {

    /** Reads {@code cases.tsv} (tab-separated, with a header row). */
    public static List<ConformanceCase> readAll(Path casesTsv) throws IOException {
        List<String> lines = Files.readAllLines(casesTsv);
        if (lines.isEmpty()) {
            throw new IOException(casesTsv + " is empty");
        }
        List<String> header = List.of(lines.get(0).split("\t"));
        List<ConformanceCase> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = lines.get(n).split("\t");
            if (f.length != header.size()) {
                throw new IOException(casesTsv + " line " + (n + 1) + ": " + f.length + " fields, expected "
                        + header.size());
            }
            out.add(parse(header, f));
        }
        return out;
    }

    private static ConformanceCase parse(List<String> header, String[] f) {
        String id = f[header.indexOf("case_id")];
        Map<String, String> dicts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String d : f[header.indexOf("dicts")].split(";")) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? "mcu" : d.substring(0, eq);
            dicts.put(name, eq < 0 ? d : d.substring(eq + 1));
            names.add(name);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        String[] outs = f[header.indexOf("expected")].split(";");
        for (int i = 0; i < outs.length; i++) {
            // expected.serial is the main MCU's, expected-<name>.serial another's
            String file = Path.of(outs[i]).getFileName().toString();
            String name = file.startsWith("expected-") ? file.substring(9, file.length() - ".serial".length())
                    : i < names.size() ? names.get(i) : "mcu";
            expected.put(name, outs[i]);
        }
        return new ConformanceCase(id, f[header.indexOf("config")], dicts, f[header.indexOf("gcode")], expected,
                f[header.indexOf("should_fail")].trim().equals("1"), !f[header.indexOf("strict")].trim().equals("0"));
    }
}
