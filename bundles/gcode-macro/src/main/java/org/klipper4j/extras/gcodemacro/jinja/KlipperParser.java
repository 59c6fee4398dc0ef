/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.jinja;

import com.hubspot.jinjava.el.ext.ExtendedParser;

import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/** Jinjava's expression parser with Python's {@code %} in place of EL's numeric modulo. */
final class KlipperParser extends ExtendedParser {

    KlipperParser(Builder context, String input) {
        super(context, input);
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        return super.createAstBinary(left, right, operator == AstBinary.MOD ? PythonModOperator.OP : operator);
    }
}
