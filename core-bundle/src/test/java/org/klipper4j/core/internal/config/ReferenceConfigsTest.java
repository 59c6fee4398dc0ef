/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * Every .cfg of Klipper's tree in the reference corpus loads, and yields the
 * raw values Python's configparser gives for it (reference-expected.json was
 * produced by Python 3.11's RawConfigParser with Klipper's settings).
 */
class ReferenceConfigsTest {

    static Path resources() throws URISyntaxException {
        return Path.of(ReferenceConfigsTest.class.getResource("/config/reference-expected.json").toURI()).getParent();
    }

    static Map<String, Map<String, Map<String, String>>> expected() throws Exception {
        try (Reader r = Files.newBufferedReader(resources().resolve("reference-expected.json"), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, new TypeToken<Map<String, Map<String, Map<String, String>>>>() { }.getType());
        }
    }

    static Stream<String> configFiles() throws Exception {
        return expected().keySet().stream().sorted();
    }

    @Test
    void everyReferenceConfigIsCovered() throws Exception {
        try (Stream<Path> files = Files.walk(resources().resolve("reference"))) {
            long cfgCount = files.filter(p -> p.toString().endsWith(".cfg")).count();
            assertEquals(41, cfgCount);
            assertEquals(cfgCount, expected().size());
        }
    }

    @ParameterizedTest
    @MethodSource("configFiles")
    void parsesAsPythonConfigparserDoes(String relative) throws Exception {
        PrinterConfig config = PrinterConfig.load(null, resources().resolve("reference").resolve(relative));
        assertEquals(expected().get(relative), config.rawConfigStatus());
        assertTrue(config.hasSection("printer"));
    }

    @Test
    void exampleCartesianSpotValues() throws Exception {
        PrinterConfig config = PrinterConfig.load(null, resources().resolve("reference/config/example-cartesian.cfg"));
        List<String> names = config.sections().stream().map(s -> s.getName()).toList();
        assertEquals(List.of("stepper_x", "stepper_y", "stepper_z", "extruder", "heater_bed", "mcu", "printer"), names);
        assertEquals("PF0", config.section("stepper_x").get("step_pin"));
        assertEquals(40.0, config.section("stepper_x").getFloat("rotation_distance"));
        assertEquals("cartesian", config.section("printer").get("kinematics"));
        assertEquals(16, config.section("extruder").getInt("microsteps"));
    }

    @Test
    void saveConfigBlockOfDeltaCalibrateApplies() throws Exception {
        PrinterConfig config = PrinterConfig.load(null, resources().resolve("reference/test/klippy/delta_calibrate.cfg"));
        assertEquals(174.750004, config.section("printer").getFloat("delta_radius"));
        assertEquals("297.049970", config.section("stepper_a").get("position_endstop"));
        assertEquals("PF0", config.section("stepper_a").get("step_pin"));
        assertEquals(List.of("printer", "stepper_a", "stepper_b", "stepper_c", "delta_calibrate"),
                config.autosave().sectionNames());
        assertEquals("3260109.999,2876968.999,2876968.999", config.section("delta_calibrate").get("height6_pos"));
    }

    @Test
    void commentLinesInsideGcodeBecomeBlankLines() throws Exception {
        PrinterConfig config = PrinterConfig.load(null, resources().resolve("reference/test/klippy/exclude_object.cfg"));
        String gcode = config.section("gcode_macro M486").get("gcode");
        assertTrue(gcode.startsWith("\n".repeat(12) + "{% if 'exclude_object' not in printer %}\n"), gcode);
    }

    @Test
    void inlineCommentsAndUnicodeInMacros() throws Exception {
        PrinterConfig config = PrinterConfig.load(null, resources().resolve("reference/test/klippy/macros.cfg"));
        assertEquals("A unicode test \u00b0", config.section("gcode_macro TEST_unicode").get("description"));
        assertEquals("25", config.section("gcode_macro TEST_unicode").get("variable_ABC"));
    }
}
