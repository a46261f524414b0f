package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesObjectsKeepingKeyOrder() {
        Object parsed = Json.parse("{\"z\": 1, \"a\": [true, null, \"x\"], \"m\": {\"k\": -2.5e3}}");

        assertThat(parsed).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) parsed).keySet().stream().map(String::valueOf)).containsExactly("z", "a", "m");
        assertThat(((Map<?, ?>) parsed).get("a")).isEqualTo(java.util.Arrays.asList(true, null, "x"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) parsed).get("m")).get("k")).isEqualTo(-2500.0);
    }

    @Test
    void writesCompactFormWithoutSpaces() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1L);
        map.put("a", List.of("x"));
        map.put("n", null);

        assertThat(Json.write(map, false)).isEqualTo("{\"b\":1,\"a\":[\"x\"],\"n\":null}");
    }

    @Test
    void writesPrettyFormLikeSerde() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nodes", List.of(Map.of("k", 1L)));
        map.put("empty", List.of());
        map.put("daemon", null);

        assertThat(Json.write(map, true))
                .isEqualTo("{\n  \"nodes\": [\n    {\n      \"k\": 1\n    }\n  ],\n  \"empty\": [],\n  \"daemon\": null\n}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String written = Json.write("a\"b\\c\nd\u0001", false);

        assertThat(written).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(Json.parse(written)).isEqualTo("a\"b\\c\nd\u0001");
    }

    @Test
    void rejectsTruncatedInput() {
        assertThatThrownBy(() -> Json.parse("{\"nodes\": [")).isInstanceOf(IllegalArgumentException.class);
    }
}
