/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One driver family's register layout as data: register addresses, the fields of
 * each register (bit masks), signed fields, how DUMP_TMC shows a field, and the
 * registers read back. Built once per family with the small builder methods.
 */
final class RegisterMap {
    private final Map<String, Integer> addresses = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> fields = new LinkedHashMap<>();
    private final Map<String, String> fieldToRegister = new HashMap<>();
    private final Set<String> signed = new HashSet<>();
    private final Map<String, LongFunction<String>> formatters = new HashMap<>();
    private List<String> readRegisters = List.of();

    RegisterMap register(String name, int address) {
        addresses.put(name, address);
        return this;
    }

    /** Adds fields to a register: alternating names and masks. */
    RegisterMap fields(String register, Object... nameMask) {
        Map<String, Long> m = fields.computeIfAbsent(register, r -> new LinkedHashMap<>());
        for (int i = 0; i < nameMask.length; i += 2) {
            String name = (String) nameMask[i];
            long mask = ((Number) nameMask[i + 1]).longValue() & 0xffffffffL;
            m.put(name, mask);
            fieldToRegister.putIfAbsent(name, register);
        }
        return this;
    }

    RegisterMap signed(String... names) {
        signed.addAll(List.of(names));
        return this;
    }

    RegisterMap format(String field, LongFunction<String> formatter) {
        formatters.put(field, formatter);
        return this;
    }

    RegisterMap readRegisters(String... names) {
        readRegisters = List.of(names);
        return this;
    }

    /** A copy to extend (a family built on another's layout). */
    RegisterMap copy() {
        RegisterMap c = new RegisterMap();
        c.addresses.putAll(addresses);
        fields.forEach((r, f) -> c.fields.put(r, new LinkedHashMap<>(f)));
        c.fieldToRegister.putAll(fieldToRegister);
        c.signed.addAll(signed);
        c.formatters.putAll(formatters);
        c.readRegisters = readRegisters;
        return c;
    }

    /** Replaces a register's fields (a family whose register differs). */
    RegisterMap replaceFields(String register, Object... nameMask) {
        Map<String, Long> old = fields.remove(register);
        if (old != null) {
            old.keySet().forEach(f -> fieldToRegister.remove(f, register));
        }
        return fields(register, nameMask);
    }

    Integer address(String register) {
        return addresses.get(register);
    }

    String registerOf(String field) {
        return fieldToRegister.get(field);
    }

    Map<String, Long> fieldsOf(String register) {
        return fields.getOrDefault(register, Map.of());
    }

    boolean isSigned(String field) {
        return signed.contains(field);
    }

    LongFunction<String> formatter(String field) {
        return formatters.get(field);
    }

    List<String> readRegisters() {
        return readRegisters;
    }
}
