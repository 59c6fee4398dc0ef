/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;

import jinjava.de.odysseus.el.tree.impl.Parser;

/** Builds expression trees with {@link KlipperParser}. */
final class KlipperSyntaxBuilder extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    KlipperSyntaxBuilder() {
        super(Feature.METHOD_INVOCATIONS, Feature.VARARGS);
    }

    @Override
    protected Parser createParser(String expression) {
        return new KlipperParser(this, expression);
    }
}
