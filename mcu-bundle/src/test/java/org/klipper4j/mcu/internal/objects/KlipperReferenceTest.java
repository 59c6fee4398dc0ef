/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.mcu.PinParams;

/** The objects' output, rendered as Klipper's decoder prints it, against excerpts of Klipper's own output. */
class KlipperReferenceTest {
    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);

    private static List<String> reference(String name) throws IOException {
        try (InputStream in = KlipperReferenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private List<String> output() {
        List<String> lines = new ArrayList<>(mcu.configCmds);
        lines.addAll(mcu.initCmds);
        mcu.sent.forEach(sent -> lines.add(sent.text()));
        return lines;
    }

    @Test
    void endstopHomingMatchesKlipper() throws IOException {
        mcu.fileoutput = true;
        for (int i = 0; i < 5; i++) {
            mcu.createOid(); // the probe's objects come first in eddy.cfg
        }
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        endstop.addStepper(new FakeStepper(mcu, "stepper_x"));
        mcu.buildConfig();

        // Klipper's homing: sample every 15 us, 4 samples, rest 0.25 ms.
        endstop.homeStart(0.25, 0.000015, 4, 0.00025, true);
        endstop.homeWait(1.0);

        assertEquals(reference("eddy-first-homing.txt"), output());
    }

    @Test
    void softwareAndHardwarePwmMatchKlipper() throws IOException {
        mcu.registerConfigCallback(mcu::createOid); // [pwm_tool] holds oid 0
        var soft = new McuPwmImpl(mcu, new PinParams("mcu", "PH5", false, 0));
        mcu.registerConfigCallback(mcu::createOid); // [pwm_cycle_time] holds oid 2
        var hard = new McuPwmImpl(mcu, new PinParams("mcu", "PH6", false, 0));
        for (McuPwmImpl pwm : List.of(soft, hard)) {
            pwm.setupMaxDuration(0);
            pwm.setupStartValue(0, 0);
        }
        soft.setupCycleTime(0.01, false);
        hard.setupCycleTime(0.01, true);
        mcu.buildConfig();

        soft.setPwm(0.25, 1.0);
        hard.setPwm(0.25, 1.0);

        assertEquals(reference("pwm-outputs.txt"), output());
    }
}
