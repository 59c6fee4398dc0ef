/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/** Version 2 of the example greeter, used only by the integration tests. Private. */
package org.klipper4j.extras.greeter;
