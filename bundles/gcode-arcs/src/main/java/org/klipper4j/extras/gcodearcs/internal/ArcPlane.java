/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

/**
 * The plane an arc turns in (G17, G18, G19): the two axes of the circle
 * (alpha, beta), the axis that moves linearly (helical), and the G-code
 * letters that give the centre offset along alpha and beta.
 */
enum ArcPlane {
    XY(0, 1, 2, "I", "J"),
    XZ(0, 2, 1, "I", "K"),
    YZ(1, 2, 0, "J", "K");

    final int alphaAxis;
    final int betaAxis;
    final int helicalAxis;
    final String alphaOffsetLetter;
    final String betaOffsetLetter;

    ArcPlane(int alphaAxis, int betaAxis, int helicalAxis, String alphaOffsetLetter, String betaOffsetLetter) {
        this.alphaAxis = alphaAxis;
        this.betaAxis = betaAxis;
        this.helicalAxis = helicalAxis;
        this.alphaOffsetLetter = alphaOffsetLetter;
        this.betaOffsetLetter = betaOffsetLetter;
    }
}
