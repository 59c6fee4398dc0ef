/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

/**
 * Turns Klipper's template syntax (Jinja2 configured with {@code {} and {@code }} as
 * expression delimiters) into Jinjava's standard syntax. An expression ends at the first
 * {@code }} outside strings and brackets, as in Jinja2's lexer; its value is printed with
 * Python's {@code str()} through the {@link #PRINT_FUNCTION} function. {@code {% %}} statements and
 * {@code {# #}} comments pass through.
 */
public final class KlipperSyntax {

    /** The function that prints a value as Python would (a call, as Jinjava mistakes a parenthesized dict for a tuple). */
    public static final String PRINT_FUNCTION = "__pystr";

    private KlipperSyntax() {
    }

    /**
     * Rewrites {@code source}.
     *
     * @throws TemplateSyntaxException naming the line of an unterminated expression
     */
    public static String toJinjava(String source) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            char next = i + 1 < n ? source.charAt(i + 1) : 0;
            if (next == '%' || next == '#') {
                String close = next == '%' ? "%}" : "#}";
                int end = next == '%' ? statementEnd(source, i + 2) : source.indexOf(close, i + 2);
                if (end < 0) {
                    throw new TemplateSyntaxException(lineOf(source, i), next == '%'
                            ? "unexpected end of template, expected 'end of statement block'"
                            : "missing end of comment tag");
                }
                String body = source.substring(i + 2, end);
                out.append('{').append(next).append(next == '%' ? separateBraces(body) : body).append(close);
                i = end + 2;
                continue;
            }
            int end = expressionEnd(source, i + 1);
            if (end < 0) {
                throw new TemplateSyntaxException(lineOf(source, i),
                        "unexpected end of template, expected 'end of print statement'");
            }
            String expr = source.substring(i + 1, end);
            boolean trimLeft = expr.startsWith("-");
            boolean trimRight = expr.endsWith("-") && expr.length() > 1;
            String inner = expr.substring(trimLeft ? 1 : 0, expr.length() - (trimRight ? 1 : 0));
            if (inner.isBlank()) {
                throw new TemplateSyntaxException(lineOf(source, i), "Expected an expression, got 'end of print statement'");
            }
            out.append(trimLeft ? "{{- " : "{{ ").append(PRINT_FUNCTION).append('(').append(separateBraces(inner))
                    .append(trimRight ? ") -}}" : ") }}");
            i = end + 1;
        }
        return out.toString();
    }

    /** Index of the {@code }} that closes an expression starting at {@code start}, or -1. */
    static int expressionEnd(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** Index of the {@code %} of the {@code %}} that closes a statement, skipping strings; or -1. */
    private static int statementEnd(String s, int start) {
        for (int i = start; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '%' && s.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    private static int stringEnd(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    /** Jinjava's scanner would end an expression at a {@code }}} of nested dict literals. */
    private static String separateBraces(String expr) {
        StringBuilder sb = new StringBuilder(expr.length());
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(expr, i);
                if (end < 0) {
                    sb.append(expr.substring(i));
                    break;
                }
                sb.append(expr, i, end + 1);
                i = end;
                continue;
            }
            sb.append(c);
            if (c == '}' && i + 1 < expr.length() && expr.charAt(i + 1) == '}') {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
