/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import java.util.Map;
import java.util.function.Supplier;

import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyStr;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;

import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava configured as Klipper configures Jinja2: {@code {expr}} expressions (through
 * {@link KlipperSyntax}), Python's {@code %}, string methods, filters and printing, and the
 * {@code action_*} functions. One shared instance; rendering is thread-safe.
 */
public final class JinjaEnvironment {

    private static volatile JinjaEnvironment shared;

    private final Jinjava jinjava;

    /** Jinjava whose expressions are parsed by {@link KlipperParser}. */
    private static final class KlipperJinjava extends Jinjava {
        private final ExpressionFactory factory = new ExpressionFactoryImpl(
                new TreeStore(new KlipperSyntaxBuilder(), new Cache(256)),
                new com.hubspot.jinjava.el.TruthyTypeConverter());

        KlipperJinjava(JinjavaConfig config) {
            super(config);
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return factory;
        }
    }

    private JinjaEnvironment() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonMethodResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withElResolver(resolver)
                .withIterateOverMapKeys(true)
                .withFailOnUnknownTokens(false)
                .build();
        jinjava = withBundleClassLoader(() -> new KlipperJinjava(config));
        for (Filter f : PythonFilters.all()) {
            jinjava.registerFilter(f);
        }
        jinjava.registerFunction(new ELFunctionDefinition("", KlipperSyntax.PRINT_FUNCTION, PyStr.class, "str",
                Object.class));
        for (ELFunctionDefinition fn : ActionFunctions.definitions()) {
            jinjava.registerFunction(fn);
        }
    }

    /** The shared environment, built on first use (building Jinjava takes a moment). */
    public static JinjaEnvironment get() {
        JinjaEnvironment env = shared;
        if (env == null) {
            synchronized (JinjaEnvironment.class) {
                env = shared;
                if (env == null) {
                    env = new JinjaEnvironment();
                    shared = env;
                }
            }
        }
        return env;
    }

    /**
     * Checks and converts a Klipper template.
     *
     * @throws TemplateSyntaxException with the line and what is wrong
     */
    public CompiledTemplate compile(String source) {
        String converted = KlipperSyntax.toJinjava(source);
        withBundleClassLoader(() -> {
            JinjavaInterpreter interpreter = jinjava.newInterpreter();
            JinjavaInterpreter.pushCurrent(interpreter);
            try {
                interpreter.parse(converted);
            } finally {
                JinjavaInterpreter.popCurrent();
            }
            for (TemplateError e : interpreter.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw new TemplateSyntaxException(Math.max(1, e.getLineno()), e.getMessage());
                }
            }
            return null;
        });
        return new CompiledTemplate(converted);
    }

    /**
     * Renders with {@code context}.
     *
     * @throws TemplateRenderException describing the first error, Python style where known;
     *         or the exception an action raised, unchanged
     */
    public String render(CompiledTemplate template, Map<String, Object> context) {
        RenderState state = new RenderState();
        RenderState previous = RenderState.begin(state);
        try {
            RenderResult result = withBundleClassLoader(() -> jinjava.renderForResult(template.source(), context));
            if (state.failed()) {
                throw state.error();
            }
            for (TemplateError e : result.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw new TemplateRenderException(describe(e));
                }
            }
            return result.getOutput();
        } finally {
            RenderState.end(previous);
        }
    }

    private static String describe(TemplateError error) {
        for (Throwable t = error.getException(); t != null; t = t.getCause()) {
            if (t instanceof PyException p) {
                return p.describe();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error.getMessage();
    }

    /** Jinjava and its libraries look classes up through the context class loader. */
    private static <T> T withBundleClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(JinjaEnvironment.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }
}
