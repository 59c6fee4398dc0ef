/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;

/** {@code [include]}: relative paths, nesting, sorted globs, override order and Klipper's errors. */
class IncludeTest {
    @TempDir
    Path dir;

    @Test
    void nestedIncludesAreRelativeToTheIncludingFile() {
        TestFiles.write(dir, "sub/a.cfg", "[a]\nx: 1\n[include b.cfg]\n");
        TestFiles.write(dir, "sub/b.cfg", "[b]\ny: 2\n");
        PrinterConfig c = TestFiles.load(dir, "[printer]\nk: v\n[include sub/a.cfg]\n[c]\nz: 3\n");
        assertEquals(List.of("printer", "a", "b", "c"), c.sections().stream().map(s -> s.getName()).toList());
        assertEquals("2", c.section("b").get("y"));
    }

    @Test
    void globsAreSortedAndLaterFilesOverrideEarlierOnes() {
        TestFiles.write(dir, "conf.d/20-z.cfg", "[fan]\npin: Z\n");
        TestFiles.write(dir, "conf.d/10-a.cfg", "[fan]\npin: A\nspeed: 1\n");
        TestFiles.write(dir, "conf.d/notes.txt", "not a config\n");
        PrinterConfig c = TestFiles.load(dir, "[include conf.d/*.cfg]\n");
        assertEquals("Z", c.section("fan").get("pin"));
        assertEquals("1", c.section("fan").get("speed"));
    }

    @Test
    void globMatchingNothingIsFine() {
        PrinterConfig c = TestFiles.load(dir, "[printer]\n[include extras/*.cfg]\n");
        assertEquals(List.of("printer"), c.sections().stream().map(s -> s.getName()).toList());
    }

    @Test
    void optionsApplyInFileOrderAroundAnInclude() {
        TestFiles.write(dir, "o.cfg", "[x]\na: 2\nb: 2\n");
        PrinterConfig c = TestFiles.load(dir, "[x]\na: 1\nb: 1\n[include o.cfg]\n[x]\na: 3\n");
        assertEquals("3", c.section("x").get("a"));
        assertEquals("2", c.section("x").get("b"));
    }

    @Test
    void missingIncludeFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestFiles.load(dir, "[printer]\n[include missing.cfg]\n"));
        assertEquals("Include file '" + dir.resolve("missing.cfg") + "' does not exist", e.getMessage());
    }

    @Test
    void recursiveIncludeIsAnError() {
        TestFiles.write(dir, "a.cfg", "[a]\n[include printer.cfg]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TestFiles.load(dir, "[include a.cfg]\n"));
        assertEquals("Recursive include of config file '" + dir.resolve("printer.cfg") + "'", e.getMessage());
    }

    @Test
    void sameFileIncludedTwiceInARowIsNotRecursive() {
        TestFiles.write(dir, "a.cfg", "[a]\nx: 1\n");
        PrinterConfig c = TestFiles.load(dir, "[include a.cfg]\n[include a.cfg]\n");
        assertEquals("1", c.section("a").get("x"));
    }

    @Test
    void optionsRightAfterAnIncludeNeedASectionHeader() {
        TestFiles.write(dir, "a.cfg", "[a]\nx: 1\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestFiles.load(dir, "[s]\n[include a.cfg]\ny: 2\n"));
        assertTrue(e.getMessage().startsWith("File contains no section headers."), e.getMessage());
    }

    @Test
    void globSkipsHiddenFilesAndSupportsCharacterClasses() {
        TestFiles.write(dir, "inc/.hidden.cfg", "[h]\n");
        TestFiles.write(dir, "inc/a1.cfg", "[a1]\n");
        TestFiles.write(dir, "inc/a2.cfg", "[a2]\n");
        TestFiles.write(dir, "inc/b1.cfg", "[b1]\n");
        PrinterConfig c = TestFiles.load(dir, "[include inc/*.cfg]\n[include inc/a[!1].cfg]\n[include i?c/b[0-9].cfg]\n");
        assertEquals(List.of("a1", "a2", "b1"), c.sections().stream().map(s -> s.getName()).toList());
    }
}
