/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParsedLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "G1 X10.5 Y-2            | G1",
        "g1 x10 ; move right     | G1",
        "N10 G1 X5*45            | G1",
        "n7 M105                 | M105",
        "M117 Hello World        | M117",
        "M117 123                | M117 123",
        "SET_FOO KEY=value       | SET_FOO",
        "set_foo key=value       | SET_FOO",
        "`  ; only a comment`    | ``",
        "``                      | ``",
        "G28.1                   | G28.1",
    })
    void commandNameIsFoundAsKlipperFindsIt(String line, String command) {
        assertEquals(command, ParsedLine.parse(line).command());
    }

    @Test
    void traditionalParametersAreUpperCasedByLetter() {
        ParsedLine p = ParsedLine.parse("g1 x10.5 y-2 e0.1 f1500 ; comment");
        assertEquals(Map.of("G", "1", "X", "10.5", "Y", "-2", "E", "0.1", "F", "1500"), p.params());
        assertEquals("g1 x10.5 y-2 e0.1 f1500 ; comment", p.origline());
    }

    @Test
    void lineNumberAndChecksumBecomeParameters() {
        ParsedLine p = ParsedLine.parse("N10 G1 X5*45");
        assertEquals(Map.of("N", "10", "G", "1", "X", "5", "*", "45"), p.params());
    }

    @Test
    void emptyParameterValueIsKept() {
        assertEquals(Map.of("G", "1", "X", ""), ParsedLine.parse("G1 X").params());
    }

    /** Python's re.split(r'([A-Z_]+|[A-Z*])', line), written with Java's regex as the reference. */
    private static java.util.List<String> regexSplit(String line) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z_]+|[A-Z*])").matcher(line);
        int last = 0;
        while (m.find()) {
            parts.add(line.substring(last, m.start()));
            parts.add(m.group());
            last = m.end();
        }
        parts.add(line.substring(last));
        return parts;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "G1 X10.5 Y-3 E.2 F3000", "N12 G1 X2*71",
            "SET_PIN PIN=FAN VALUE=0.5", "**", "M117 HELLO_ WORLD*", "G1X1Y2", "  _A_ 1 ", "É G1 X1",
            "TEST_MACRO P=\"A B\" Q=1*2*"})
    void splitMatchesPythonsRegexSplit(String line) {
        assertEquals(regexSplit(line), ParsedLine.splitKeepingLetters(line));
    }
}
