/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/**
 * A simulated board that speaks Klipper's MCU protocol, for tests and for running the
 * host without hardware: {@link org.klipper4j.extras.virtualmcu.VirtualMcu} and the
 * wiring that ties its pins to a small physical model.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.klipper4j.extras.virtualmcu;
