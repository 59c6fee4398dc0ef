/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellSplitterTest {

    @Test
    void splitsOnWhitespaceAndGroupsQuotes() {
        assertEquals(List.of("A=1", "MSG=hello world", "B=it's"),
                ShellSplitter.split("A=1  MSG=\"hello world\"\tB=\"it's\""));
        assertEquals(List.of("X=a b", "Y="), ShellSplitter.split("X='a b' Y=''"));
    }

    @Test
    void backslashEscapesOutsideQuotesAndOnlyQuoteOrBackslashInsideDoubleQuotes() {
        assertEquals(List.of("A=a b"), ShellSplitter.split("A=a\\ b"));
        assertEquals(List.of("A=say \"hi\"", "B=c:\\d"), ShellSplitter.split("A=\"say \\\"hi\\\"\" B=\"c:\\d\""));
        assertEquals(List.of("A=x\\y"), ShellSplitter.split("A='x\\y'"));
    }

    @Test
    void hashAndSemicolonStartComments() {
        assertEquals(List.of("COLOR="), ShellSplitter.split("COLOR=#ff0000 OTHER=1"));
        assertEquals(List.of("A=1"), ShellSplitter.split("A=1 ; B=2"));
        assertEquals(List.of("A=1;2"), ShellSplitter.split("A=\"1;2\""));
    }

    @Test
    void unclosedQuoteOrTrailingEscapeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ShellSplitter.split("A=\"abc"));
        assertThrows(IllegalArgumentException.class, () -> ShellSplitter.split("A=abc\\"));
    }
}
