/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.util.List;
import java.util.Map;

/**
 * One Declarative Services component as its {@code OSGI-INF/*.xml} describes it.
 *
 * @param name           the component name
 * @param implementation the implementation class name
 * @param services       the interfaces it provides
 * @param properties     its service properties (String, Boolean, Integer, Long, Double or String[])
 * @param references     the services it needs
 * @param activate       the activate method name, or null
 * @param constructorArgs how many constructor parameters DS would inject (the {@code init} attribute)
 * @param origin         where it was found (the jar)
 */
public record ComponentDescription(String name, String implementation, List<String> services,
        Map<String, Object> properties, List<Reference> references, String activate, int constructorArgs,
        String origin) {

    /**
     * A reference to other services.
     *
     * @param name        the reference name
     * @param service     the interface
     * @param cardinality {@code 0..1}, {@code 1..1}, {@code 0..n} or {@code 1..n}
     * @param bind        the bind method name, or null
     * @param field       the field DS sets instead, or null
     */
    public record Reference(String name, String service, String cardinality, String bind, String field) {
        public boolean mandatory() {
            return cardinality.startsWith("1");
        }

        public boolean multiple() {
            return cardinality.endsWith("n");
        }
    }

    public boolean provides(Class<?> type) {
        return services.contains(type.getName());
    }
}
