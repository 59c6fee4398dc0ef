/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.sdcardloop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/** Loops over a simulated SD card file position. */
class SdcardLoopTest {
    private final FakeSdcard sdcard = new FakeSdcard();
    private final FakeGCode gcode = new FakeGCode();
    private SdcardLoop loop;

    @BeforeEach
    void setUp() {
        FakePrinter printer = new FakePrinter();
        printer.addObject("gcode", gcode);
        loop = new SdcardLoop(sdcard);
        loop.registerCommands(printer);
    }

    @Test
    void countedLoopSeeksBackUntilItsLastRun() {
        sdcard.fromSd = true;
        sdcard.position = 100;
        assertNull(gcode.run("SDCARD_LOOP_BEGIN COUNT=3"));
        sdcard.position = 500;
        assertNull(gcode.run("SDCARD_LOOP_END"));
        assertNull(gcode.run("SDCARD_LOOP_END"));
        assertNull(gcode.run("SDCARD_LOOP_END"));
        assertEquals(List.of(100L, 100L), sdcard.seeks, "two more runs, then it falls through");
        assertEquals(0, loop.depth());
    }

    @Test
    void countZeroLoopsForever() {
        sdcard.fromSd = true;
        sdcard.position = 7;
        assertNull(gcode.run("SDCARD_LOOP_BEGIN COUNT=0"));
        for (int i = 0; i < 5; i++) {
            assertNull(gcode.run("SDCARD_LOOP_END"));
        }
        assertEquals(5, sdcard.seeks.size());
        assertEquals(1, loop.depth());
        sdcard.fromSd = false;
        assertNull(gcode.run("SDCARD_LOOP_DESIST"));
        assertEquals(0, loop.depth());
    }

    @Test
    void endWithoutBeginDoesNothing() {
        sdcard.fromSd = true;
        assertNull(gcode.run("SDCARD_LOOP_END"));
        assertEquals(List.of(), sdcard.seeks);
    }

    @Test
    void placeChecksAreKlippers() {
        assertEquals("Only permitted in SD file.", gcode.run("SDCARD_LOOP_BEGIN COUNT=2"));
        assertEquals("Only permitted in SD file.", gcode.run("SDCARD_LOOP_END"));
        sdcard.fromSd = true;
        assertEquals("Only permitted outside of a SD file.", gcode.run("SDCARD_LOOP_DESIST"));
        assertEquals("Error on 'SDCARD_LOOP_BEGIN COUNT=-1': COUNT must have minimum of 0",
                gcode.run("SDCARD_LOOP_BEGIN COUNT=-1"));
    }

    private static final class FakeSdcard implements VirtualSdcardControl {
        boolean fromSd;
        long position;
        final List<Long> seeks = new ArrayList<>();

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of();
        }

        @Override
        public boolean isActive() {
            return fromSd;
        }

        @Override
        public void doPause() {
        }

        @Override
        public void doResume() {
        }

        @Override
        public void doCancel() {
        }

        @Override
        public boolean isCmdFromSd() {
            return fromSd;
        }

        @Override
        public long getFilePosition() {
            return position;
        }

        @Override
        public void setFilePosition(long newPosition) {
            seeks.add(newPosition);
            position = newPosition;
        }
    }
}
