/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

import java.util.Map;

/**
 * A printer object that reports status, like Klipper's {@code get_status}. The
 * map is a snapshot: values are numbers, strings, booleans, lists or maps
 * (JSON-able) and must not change after return.
 */
public interface StatusProvider {
    Map<String, Object> getStatus(double eventtime);
}
