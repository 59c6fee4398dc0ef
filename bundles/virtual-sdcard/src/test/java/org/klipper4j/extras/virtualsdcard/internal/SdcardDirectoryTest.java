/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdcardDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void expandsHomeAndNormalizes() {
        assertEquals(Path.of("/home/pi/printer_data/gcodes"),
                SdcardDirectory.resolve("~/printer_data/./x/../gcodes", "/home/pi"));
        assertEquals(Path.of("/home/pi"), SdcardDirectory.resolve("~", "/home/pi"));
        assertEquals(Path.of("/srv/gcodes"), SdcardDirectory.resolve(" /srv/gcodes/ ", "/home/pi"));
    }

    @Test
    void relativePathsStayRelativeToTheWorkingDirectory() {
        Path p = SdcardDirectory.resolve("test/klippy/../klippy/sdcard_loop", "/home/pi");
        assertFalse(p.isAbsolute());
        assertEquals(Path.of("test/klippy/sdcard_loop"), p);
    }

    @Test
    void recursiveListingKeepsOnlyGCodeExtensions() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/deep.gco"), "G1\n");
        Files.writeString(dir.resolve("Top.g"), "G1\n");
        Files.writeString(dir.resolve("model.stl"), "solid");
        Files.writeString(dir.resolve("x.GCODE"), "G1\n"); // Klipper matches extensions case-sensitively
        List<SdcardDirectory.Entry> files = new SdcardDirectory(dir).listGCodeFilesRecursively();
        assertEquals(List.of(new SdcardDirectory.Entry("a/b/deep.gco", 3), new SdcardDirectory.Entry("Top.g", 3)),
                files);
    }

    @Test
    void matchPrefersExactNameThenIgnoresCase() {
        List<SdcardDirectory.Entry> files = List.of(new SdcardDirectory.Entry("Part.gcode", 1),
                new SdcardDirectory.Entry("part.gcode", 2));
        assertEquals("part.gcode", SdcardDirectory.match(files, "part.gcode"));
        assertEquals("Part.gcode", SdcardDirectory.match(files, "PART.GCODE"));
        assertNull(SdcardDirectory.match(files, "other.gcode"));
    }
}
