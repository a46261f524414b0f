package io.antfleet.config.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML document as a tree that remembers where each node is, so every problem has a line and column. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    SpecLocation location();

    /** What a problem message calls this node's type. */
    String describe();

    record Field(String key, SpecLocation keyLocation, YamlNode value) {
    }

    record Mapping(SpecLocation location, Map<String, Field> fields) implements YamlNode {
        public Mapping {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(SpecLocation location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    enum ScalarKind {
        STRING("string"), INTEGER("integer"), FLOAT("number"), BOOLEAN("boolean"), NULL("null");

        private final String word;

        ScalarKind(String word) {
            this.word = word;
        }
    }

    /** A scalar with the text as written (Jackson keeps the source text of numbers too). */
    record Scalar(SpecLocation location, ScalarKind kind, String text) implements YamlNode {
        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "nothing" : kind.word + " '" + text + "'";
        }
    }
}
