/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.python;

/** A Python-style error ({@code TypeError}, {@code ValueError}, ...) raised by template code. */
public final class PyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;

    public PyException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** The Python exception type name, e.g. {@code ValueError}. */
    public String type() {
        return type;
    }

    /** As Python's {@code traceback.format_exception_only}: {@code "ValueError: message"}. */
    public String describe() {
        return type + ": " + getMessage();
    }
}
