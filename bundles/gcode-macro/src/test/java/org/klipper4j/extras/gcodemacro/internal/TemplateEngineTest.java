/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/**
 * Templates rendered by the engine; expected text worked out from Jinja2 (with Klipper's
 * delimiters) and Python semantics.
 */
class TemplateEngineTest {

    private FakePrinter printer;
    private FakeGCode gcode;
    private MacroTemplateEngine engine;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", (StatusProvider) t -> Map.of("position", List.of(1.0, 2.0, 3.0, 4.0),
                "homed_axes", "xyz", "max_velocity", 300.0));
        printer.addObject("gcode_macro M", (StatusProvider) t -> Map.of("var", 12.0, "name", "abc"));
        printer.addObject("not_status", new Object());
        engine = new MacroTemplateEngine(FakeConfig.of(printer, "gcode_macro"));
    }

    private String render(String source) {
        return render(source, Map.of());
    }

    private String render(String source, Map<String, Object> extra) {
        GCodeTemplate template = engine.createTemplate("test", source);
        Map<String, Object> context = template.createContext();
        context.putAll(extra);
        return template.render(context);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        // expressions with single braces, Python printing
        "{ 1 + 2 } => 3",
        "X{ 10 / 4 } Y{ 7 // 2 } => X2.5 Y3",
        "{ 0.1 + 0.2 } => 0.30000000000000004",
        "{ 1e-5 } { 1e16 } { 2.0 * 3 } => 1e-05 1e+16 6.0",
        "{ -7 % 3 } { 7.5 % 2 } { 7 % -3 } => 2 1.5 -2",
        "{ 2 ** 10 } => 1024",
        // printf-style formatting
        "{ '%.2f' % 1.2345 } => 1.23",
        "{ '%.2f' % 0.125 } { '%.0f' % 2.5 } => 0.12 2",
        "{ 'X%d Y%s' % (3, 'a') } => X3 Ya",
        "{ '%05.1f|%-4d|%+d' % (3.14159, 7, 5) } => 003.1|7   |+5",
        "{ '%s %r' % ('a', 'a') } => a 'a'",
        "{ '%x %o %e %g %%' % (255, 8, 12345.678, 0.0001) } => ff 10 1.234568e+04 0.0001 %",
        "{ '%(a)s-%(b).1f' % {'a': 'q', 'b': 2} } => q-2.0",
        "{ '%s' % [1, 2] } { '%s!' % 'x' } => [1, 2] x!",
        // string methods
        "{ 'AbC'.lower() }{ 'abc'.upper() } => abcABC",
        "{ 'a,b,c'.split(',') } => ['a', 'b', 'c']",
        "{ '  a  b '.split() } => ['a', 'b']",
        "{ 'abc'.startswith('ab') } { 'abc'.startswith(('x', 'a')) } { 'abc'.endswith('x') } => True True False",
        "{ 'a-b-c'.replace('-', '+') } { 'a-b-c'.replace('-', '', 1) } => a+b+c ab-c",
        "{ '  pad '.strip() }|{ ', '.join(['x', 'y']) } => `pad|x, y`",
        // filters
        "{ '3.7'|int } { 3.9|int } { 'x'|int } { '12'|int } => 3 3 0 12",
        "{ '12'|float } { 3|float } { 'x'|float } => 12.0 3.0 0.0",
        "{ 2.5|round } { 3.5|round } { 3.14159|round(2) } { 2.7|round(0, 'floor') } { 5|round } => 2.0 4.0 3.14 2.0 5",
        "{ (-3)|abs } { (0 - 2.5)|abs } => 3 2.5",
        "{ none|default(5) } { 'v'|default(5) } => 5 v",
        "{ 5|string ~ 'x' } { 1.0|string } { true|string } => 5x 1.0 True",
        "{ [1, 2, 3]|join(',') } { ['a', 'b']|join } => 1,2,3 ab",
        "{ [1, 2]|length } { 'abcd'|length } { {'a': 1}|length } => 2 4 1",
        "{ [3, 1, 2]|min } { [3, 1, 2]|max } { [1.5, -2]|min } => 1 3 -2",
        // dicts and lists
        "{% set d = {'a': 1, 'b': 2} %}{% for k, v in d.items() %}{k}={v};{% endfor %} => a=1;b=2;",
        "{% set d = {'a': 1, 'b': 2} %}{% for k in d.keys() %}{k}{% endfor %}{% for v in d.values() %}{v}{% endfor %} => ab12",
        "{% set d = {'a': 1, 'b': 2} %}{% for k in d %}{k}{% endfor %} => ab",
        "{ [1, 'a', None, True, 2.5] } => [1, 'a', None, True, 2.5]",
        "{ {'k': [1, 2.5], 'n': {'x': 'y'}} } => {'k': [1, 2.5], 'n': {'x': 'y'}}",
        "{ {'a': 1}['a'] } { [4, 5, 6][1] } { [4, 5, 6][-1] } => 1 5 6",
        // membership and concatenation
        "{ 'a' in ['a', 'b'] } { 'z' not in 'abc' } { 'k' in {'k': 1} } => True True True",
        "{ 'a' ~ 1 ~ 2.5 } { true ~ none } => a12.5 TrueNone",
        "{ '-' * 3 } { 2 * 'ab' } { [0] * 2 } { 3 * 1.5 } => --- abab [0, 0] 4.5",
        "{ 'abc'[1:] } { [1, 2, 3][:2] } => bc [1, 2]",
        "{ [1, 2]|sum } { [1, 2.5]|sum } => 3 3.5",
        // statements and comments
        "{% set x = 3 %}{% if x > 1 %}big{% else %}small{% endif %} => big",
        "{% for i in range(3) %}{i}{% endfor %} => 012",
        "{% for i in range(3) %}{% if loop.last %}{i}{% endif %}{% endfor %} => 2",
        "a{# a comment #}b => ab",
        "{ 1 if true else 2 } { 'y' if 0 else 'n' } => 1 n",
        "{ (1, 2)[0] } { not false } { true and false } { none is none } => 1 True False True",
    })
    void rendersLikeJinja2(String source, String expected) {
        assertEquals(expected, render(source));
    }

    @Test
    void printerReadsStatusOfObjects() {
        assertEquals("1.0 2.0 3.0 4.0", render("{ printer.toolhead.position.x } { printer.toolhead.position.y }"
                + " { printer.toolhead.position.z } { printer.toolhead.position.e }"));
        assertEquals("2.0", render("{ printer.toolhead.position[1] }"));
        assertEquals("X1.0 Y2.0 Z3.0 E4.0", render("{ 'X%s Y%s Z%s E%s' % printer.toolhead.position }"));
        assertEquals("12.0 abc", render("{ printer['gcode_macro M'].var } { printer[\"gcode_macro M\"].name }"));
        assertEquals("xyz 300.0", render("{ printer.toolhead.homed_axes } { printer.toolhead['max_velocity'] }"));
    }

    @Test
    void inOnPrinterKnowsObjectsWithStatusOnly() {
        assertEquals("True False False", render("{ 'toolhead' in printer } { 'abc' in printer }"
                + " { 'not_status' in printer }"));
    }

    @Test
    void paramsRawparamsAndVariablesComeFromTheContext() {
        Map<String, Object> extra = new HashMap<>();
        extra.put("params", Map.of("T", "123", "S", "2.5"));
        extra.put("rawparams", "T=123 S=2.5");
        extra.put("speed", 42L);
        assertEquals("123 5.0 1.0 T=123 S=2.5 42", render("{ params.T } { params.S|float * 2 }"
                + " { params.X|default(1)|float } { rawparams } { speed }", extra));
        assertEquals("yes", render("{% if params.T != '124' %}yes{% endif %}", extra));
    }

    @Test
    void actionRespondInfoAnswersWithInfo() {
        assertEquals("a\n\nb", render("a\n{ action_respond_info('hello %d' % 5) }\nb"));
        assertEquals(List.of("// hello 5"), gcode.output);
    }

    @Test
    void actionRaiseErrorFailsTheRenderWithKlippersWords() {
        CommandError e = assertThrows(CommandError.class,
                () -> render("{ action_raise_error('boom') }{ action_respond_info('after') }"));
        assertEquals("Error evaluating 'test': gcode.CommandError: boom", e.getMessage());
        assertEquals(List.of(), gcode.output);
    }

    @Test
    void actionEmergencyStopShutsDown() {
        assertEquals("", render("{ action_emergency_stop('too hot') }"));
        assertEquals("Shutdown due to too hot", printer.shutdownMessage());
    }

    @Test
    void actionEmergencyStopHasKlippersDefaultReason() {
        render("{ action_emergency_stop() }");
        assertEquals("Shutdown due to action_emergency_stop", printer.shutdownMessage());
    }

    @Test
    void actionCallRemoteMethodWithoutClientsIsIgnored() {
        assertEquals("ok", render("{ action_call_remote_method('notify', msg='x') }ok"));
    }

    @Test
    void formatErrorsArePythonTypeErrors() {
        CommandError e = assertThrows(CommandError.class, () -> render("{ '%d %d' % 1 }"));
        assertEquals("Error evaluating 'test': TypeError: not enough arguments for format string", e.getMessage());
    }

    @Test
    void unknownMethodIsAnEvaluationError() {
        CommandError e = assertThrows(CommandError.class, () -> render("{ 'abc'.nosuchmethod() }"));
        assertEquals(true, e.getMessage().startsWith("Error evaluating 'test': "), e.getMessage());
    }

    @Test
    void unterminatedExpressionIsASyntaxErrorNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.createTemplate("t", "G28\nG1 X{ 1 + \n"));
        assertEquals(true, e.getMessage().startsWith("Error loading template 't'\nline 2: G1 X{ 1 +  # "),
                e.getMessage());
    }

    @Test
    void unclosedBlockIsAConfigErrorNamingSectionAndOption() {
        FakeConfig config = FakeConfig.of(printer, "gcode_macro BAD", "gcode", "{% if 1 %}\nG28");
        ConfigException e = assertThrows(ConfigException.class, () -> engine.loadTemplate(config, "gcode"));
        assertEquals(true, e.getMessage().startsWith("Error loading template 'gcode_macro BAD:gcode'"),
                e.getMessage());
    }

    @Test
    void loadTemplateUsesTheDefaultForAMissingOption() {
        FakeConfig config = FakeConfig.of(printer, "homing_override");
        assertEquals("G28 X", engine.loadTemplate(config, "gcode", "G28 X").render(null));
    }

    @Test
    void runGCodeFromCommandRunsTheRenderedLines() {
        engine.createTemplate("t", "G1 X{ 5 * 2 }\nM400").runGCodeFromCommand(null);
        assertEquals(List.of("G1 X10", "M400"), gcode.executed);
    }
}
