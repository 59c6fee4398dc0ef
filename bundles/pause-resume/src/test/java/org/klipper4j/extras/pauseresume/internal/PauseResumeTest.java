/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.pauseresume.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class PauseResumeTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final List<String> sdCalls = new ArrayList<>();
    private boolean sdActive;
    private PauseResume pause;

    @BeforeEach
    void setUp() throws Exception {
        printer.addObject("gcode", gcode);
        gcode.registerCommand("SAVE_GCODE_STATE", cmd -> { }, null);
        gcode.registerCommand("RESTORE_GCODE_STATE", cmd -> { }, null);
        printer.addObject("virtual_sdcard", new VirtualSdcardControl() {
            @Override
            public Map<String, Object> getStatus(double eventtime) {
                return Map.of();
            }

            @Override
            public boolean isActive() {
                return sdActive;
            }

            @Override
            public void doPause() {
                sdCalls.add("pause");
            }

            @Override
            public void doResume() {
                sdCalls.add("resume");
            }

            @Override
            public void doCancel() {
                sdCalls.add("cancel");
            }

            @Override
            public boolean isCmdFromSd() {
                return false;
            }

            @Override
            public long getFilePosition() {
                return 0;
            }

            @Override
            public void setFilePosition(long position) {
            }
        });
        pause = new PauseResume(FakeConfig.of(printer, "pause_resume", "recover_velocity", "25"));
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    @Test
    void pauseAndResumeAnSdPrintWithSavedState() {
        sdActive = true;
        assertNull(gcode.run("PAUSE"));
        assertEquals(Map.of("is_paused", true), pause.getStatus(0));
        assertEquals("Print already paused", last(gcode.run("PAUSE")));
        assertNull(gcode.run("RESUME"));
        assertEquals(List.of("pause", "resume"), sdCalls);
        assertEquals(Map.of("is_paused", false), pause.getStatus(0));
        assertEquals(List.of("PAUSE", "SAVE_GCODE_STATE NAME=PAUSE_STATE", "PAUSE",
                "RESUME", "RESTORE_GCODE_STATE NAME=PAUSE_STATE MOVE=1 MOVE_SPEED=25.0000"), gcode.executed);
    }

    private String last(String error) {
        assertNull(error);
        return gcode.output.get(gcode.output.size() - 1).replaceFirst("^// ", "");
    }

    @Test
    void withoutSdCardTheFrontEndIsTold() {
        assertNull(gcode.run("PAUSE"));
        assertEquals("// action:paused", gcode.output.get(0));
        assertNull(gcode.run("RESUME VELOCITY=10"));
        assertEquals("// action:resumed", gcode.output.get(1));
        assertEquals("RESTORE_GCODE_STATE NAME=PAUSE_STATE MOVE=1 MOVE_SPEED=10.0000",
                gcode.executed.get(gcode.executed.size() - 1));
    }

    @Test
    void resumeWhenNotPausedAndCancel() {
        assertNull(gcode.run("RESUME"));
        assertEquals("// Print is not paused, resume aborted", gcode.output.get(0));
        sdActive = true;
        assertNull(gcode.run("PAUSE"));
        assertNull(gcode.run("CANCEL_PRINT"));
        assertEquals(List.of("pause", "cancel"), sdCalls);
        assertEquals(Map.of("is_paused", false), pause.getStatus(0));
    }
}
