/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for the values macros keep: numbers, strings,
 * {@code True/False/None}, lists, tuples (as lists) and dicts. Integers become
 * {@code Long} (or {@code BigInteger}), floats {@code Double}; collections are immutable.
 */
public final class PyLiteral {

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one literal.
     *
     * @throws PyException {@code ValueError}/{@code SyntaxError} naming what is wrong
     */
    public static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw new PyException("SyntaxError", "invalid syntax (<unknown>, line 1)");
        }
        Object v = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.syntaxError();
        }
        return v;
    }

    private PyException syntaxError() {
        return new PyException("SyntaxError", "invalid syntax (<unknown>, line 1)");
    }

    private PyException malformed(String what) {
        return new PyException("ValueError", "malformed node or string: " + what);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || c == '\\' && pos + 1 < text.length()
                    && text.charAt(pos + 1) == '\n') {
                pos++;
            } else {
                break;
            }
        }
    }

    private boolean take(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw syntaxError();
        }
        char c = text.charAt(pos);
        if (c == '[') {
            pos++;
            return Collections.unmodifiableList(sequence(']'));
        }
        if (c == '(') {
            pos++;
            return tupleOrParen();
        }
        if (c == '{') {
            pos++;
            return dict();
        }
        if (c == '\'' || c == '"' || (c == 'r' || c == 'R' || c == 'u' || c == 'U') && pos + 1 < text.length()
                && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"')) {
            StringBuilder sb = new StringBuilder();
            do {
                sb.append(string());
                skipSpace();
            } while (pos < text.length() && isStringStart());
            return sb.toString();
        }
        if (c == '-' || c == '+') {
            pos++;
            skipSpace();
            Object operand = value();
            if (!(operand instanceof Number) || operand instanceof Boolean) {
                throw malformed(PyStr.repr(operand));
            }
            return c == '+' ? operand : negate((Number) operand);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    throw malformed("name '" + word + "'");
            }
        }
        throw syntaxError();
    }

    private boolean isStringStart() {
        char c = text.charAt(pos);
        return c == '\'' || c == '"' || (c == 'r' || c == 'R' || c == 'u' || c == 'U') && pos + 1 < text.length()
                && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"');
    }

    private static Number negate(Number n) {
        if (n instanceof Double d) {
            return -d;
        }
        if (n instanceof BigInteger b) {
            return normalise(b.negate());
        }
        return normalise(BigInteger.valueOf(n.longValue()).negate());
    }

    private static Number normalise(BigInteger b) {
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }

    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        while (!take(close)) {
            items.add(value());
            if (!take(',')) {
                if (!take(close)) {
                    throw syntaxError();
                }
                break;
            }
        }
        return items;
    }

    private Object tupleOrParen() {
        if (take(')')) {
            return List.of();
        }
        Object first = value();
        if (take(')')) {
            return first;
        }
        if (!take(',')) {
            throw syntaxError();
        }
        List<Object> items = new ArrayList<>();
        items.add(first);
        items.addAll(sequence(')'));
        return Collections.unmodifiableList(items);
    }

    private Object dict() {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (take('}')) {
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            Object key = value();
            if (!take(':')) {
                if (take(',') || take('}')) {
                    throw new PyException("TypeError", "Object of type set is not JSON serializable");
                }
                throw syntaxError();
            }
            if (key instanceof List || key instanceof Map) {
                throw new PyException("TypeError", "unhashable type: '" + PyTypes.name(key) + "'");
            }
            map.put(key, value());
            if (take('}')) {
                break;
            }
            if (!take(',')) {
                throw syntaxError();
            }
            if (take('}')) {
                break;
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '0' && pos + 1 < text.length() && "xXoObB".indexOf(text.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(text.charAt(pos + 1));
            pos += 2;
            int digitsStart = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String digits = text.substring(digitsStart, pos).replace("_", "");
            try {
                return normalise(new BigInteger(digits, kind == 'x' ? 16 : kind == 'o' ? 8 : 2));
            } catch (NumberFormatException e) {
                throw syntaxError();
            }
        }
        boolean isFloat = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.' && !isFloat) {
                isFloat = true;
                pos++;
            } else if ((c == 'e' || c == 'E') && pos + 1 < text.length()) {
                isFloat = true;
                pos++;
                if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
                    pos++;
                }
                int expStart = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == expStart) {
                    throw syntaxError();
                }
                break;
            } else {
                break;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw syntaxError();
        }
        String num = text.substring(start, pos).replace("_", "");
        if (isFloat) {
            return Double.parseDouble(num);
        }
        if (num.length() > 1 && num.startsWith("0") && !num.matches("0+")) {
            throw syntaxError();
        }
        return normalise(new BigInteger(num));
    }

    private String string() {
        boolean raw = false;
        char c = text.charAt(pos);
        if (c != '\'' && c != '"') {
            raw = c == 'r' || c == 'R';
            pos++;
        }
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new PyException("SyntaxError", "unterminated string literal (detected at line 1)");
            }
            char ch = text.charAt(pos);
            if (ch == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return sb.toString();
            }
            if (ch == '\n' && !triple) {
                throw new PyException("SyntaxError", "unterminated string literal (detected at line 1)");
            }
            if (ch == '\\' && pos + 1 < text.length()) {
                char esc = text.charAt(pos + 1);
                if (raw) {
                    sb.append(ch).append(esc);
                    pos += 2;
                    continue;
                }
                pos += 2;
                switch (esc) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\\', '\'', '"' -> sb.append(esc);
                    case '\n' -> {
                    }
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                        pos += 2;
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append('\\').append(esc);
                }
                continue;
            }
            sb.append(ch);
            pos++;
        }
    }
}
