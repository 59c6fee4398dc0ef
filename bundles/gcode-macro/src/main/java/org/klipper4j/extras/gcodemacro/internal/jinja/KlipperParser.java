/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.StringConcatOperator;

import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * Jinjava's expression parser with Python's {@code %} (formatting and modulo), {@code *}
 * (repetition) and Jinja2's {@code ~} (concatenation of {@code str()} values).
 */
final class KlipperParser extends ExtendedParser {

    KlipperParser(Builder context, String input) {
        super(context, input);
        putExtensionHandler(StringConcatOperator.TOKEN, new ExtensionHandler(ExtensionPoint.ADD) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                return new AstBinary(children[0], children[1], PythonOperators.CONCAT);
            }
        });
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        AstBinary.Operator python = operator == AstBinary.MOD ? PythonModOperator.OP
                : operator == AstBinary.MUL ? PythonOperators.MUL : operator;
        return super.createAstBinary(left, right, python);
    }
}
