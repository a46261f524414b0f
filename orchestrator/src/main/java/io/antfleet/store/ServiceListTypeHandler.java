package io.antfleet.store;

import java.util.Arrays;
import java.util.List;

/**
 * A journal entry's services as one comma-separated column: they are antctl service names, read and
 * written whole with their operation, never queried one by one, so a child table would buy nothing.
 */
public final class ServiceListTypeHandler extends TextTypeHandler<List<String>> {
    @Override
    String toText(List<String> value) {
        return encode(value);
    }

    @Override
    List<String> fromText(String text) {
        return decode(text);
    }

    static String encode(List<String> services) {
        for (String service : services) {
            if (service.isBlank() || service.contains(",")) {
                throw new StoreException("invalid service '" + service + "' in an operation (blank or with a comma)");
            }
        }
        return String.join(",", services);
    }

    static List<String> decode(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }
}
