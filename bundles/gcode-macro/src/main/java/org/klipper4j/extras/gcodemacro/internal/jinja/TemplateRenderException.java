/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal.jinja;

/** An error while rendering a template (an undefined method, a bad operand, ...). */
public final class TemplateRenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateRenderException(String message) {
        super(message);
    }
}
