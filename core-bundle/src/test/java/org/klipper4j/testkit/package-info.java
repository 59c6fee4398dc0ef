/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
/**
 * Test doubles of the core API (printer, reactor, config section, G-code, MCU,
 * pins, toolhead) for unit tests of section bundles, and {@link
 * org.klipper4j.testkit.HostHarness} to run modules on the real host. Shipped as core-bundle's test jar: a bundle's
 * pom adds {@code core-bundle} with {@code <type>test-jar</type>} in test scope.
 */
package org.klipper4j.testkit;
