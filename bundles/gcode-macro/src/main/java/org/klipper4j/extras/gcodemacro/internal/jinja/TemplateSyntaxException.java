/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

/** A syntax error in a template, with the 1-based line it is on. */
public final class TemplateSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public TemplateSyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
