/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PyNumbersTest {

    @ParameterizedTest
    @CsvSource({"1.5,1.5", "' -2 ',-2", "+3.,3", ".5,0.5", "1e3,1000", "1_000,1000", "inf,Infinity",
        "-Infinity,-Infinity"})
    void parsesWhatPythonFloatAccepts(String text, double expected) {
        assertEquals(expected, PyNumbers.parseFloat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", "0x10", "1.5d", "1f", "--1", "1e"})
    void rejectsWhatPythonFloatRejects(String text) {
        assertThrows(NumberFormatException.class, () -> PyNumbers.parseFloat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "", "1e3", "abc"})
    void intRejectsNonIntegers(String text) {
        assertThrows(NumberFormatException.class, () -> PyNumbers.parseInt(text));
    }

    @ParameterizedTest
    @CsvSource({"0.0,0.0", "5,5.0", "2.5,2.5", "0.0001,0.0001", "0.00001,1e-05", "1e16,1e+16", "-0.25,-0.25",
        "123456.789,123456.789"})
    void printsLikePythonStr(double value, String expected) {
        assertEquals(expected, PyNumbers.str(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "-0.5", "+3", ".25", "7.", "0001.5000"})
    void plainDecimalsTakeTheShortPathWithTheSameValue(String text) {
        assertEquals(true, PyNumbers.isPlainDecimal(text));
        assertEquals(Double.parseDouble(text), PyNumbers.parseFloat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "1e5", "1_0", "1.2.3", "inf", "0x1", "1 2"})
    void otherTextIsNotPlain(String text) {
        assertEquals(false, PyNumbers.isPlainDecimal(text));
    }
}
