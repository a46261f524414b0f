package io.antfleet.config.spec;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of {@link YamlNode}s that record a problem (with the node's location and its path in
 * the spec, e.g. {@code containers[1].limits.memory}) instead of failing, and return empty then.
 */
final class NodeReader {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
    private final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    void problem(YamlNode node, String path, String message) {
        problems.add(node.location(), path.isEmpty() ? message : path + ": " + message);
    }

    /** The node as a mapping whose keys are all in {@code allowed}; unknown keys are problems. */
    Optional<YamlNode.Mapping> mapping(YamlNode node, String path, Collection<String> allowed) {
        if (!(node instanceof YamlNode.Mapping)) {
            problem(node, path, "expected a mapping, got " + node.describe());
            return Optional.empty();
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        for (YamlNode.Field f : mapping.fields().values()) {
            if (!allowed.contains(f.key())) {
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                String hint = DidYouMean.suggest(f.key(), allowed).map(s -> " (did you mean '" + s + "'?)")
                        .orElse(" (expected one of: " + String.join(", ", allowed) + ")");
                problems.add(f.keyLocation(), "unknown key '" + f.key() + "' " + where + hint);
            }
        }
        return Optional.of(mapping);
    }

    Optional<YamlNode> field(YamlNode.Mapping mapping, String key) {
        return Optional.ofNullable(mapping.fields().get(key)).map(YamlNode.Field::value);
    }

    Optional<YamlNode> required(YamlNode.Mapping mapping, String key, String path) {
        Optional<YamlNode> value = field(mapping, key);
        if (value.isEmpty()) {
            problems.add(mapping.location(), "missing required key '" + join(path, key) + "'");
        }
        return value;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<List<YamlNode>> sequence(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Sequence)) {
            problem(node, path, "expected a list, got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(((YamlNode.Sequence) node).items());
    }

    /** A scalar's text; numbers are accepted as their source text (YAML reads {@code 0x12..} as a number). */
    Optional<String> text(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar) {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            if (s.kind() == YamlNode.ScalarKind.STRING || s.kind() == YamlNode.ScalarKind.INTEGER
                    || s.kind() == YamlNode.ScalarKind.FLOAT) {
                if (s.text().isBlank()) {
                    problem(node, path, "must not be empty");
                    return Optional.empty();
                }
                return Optional.of(s.text());
            }
        }
        problem(node, path, "expected a string, got " + node.describe());
        return Optional.empty();
    }

    Optional<Integer> integer(YamlNode node, String path, int min, int max) {
        if (!isKind(node, YamlNode.ScalarKind.INTEGER)) {
            problem(node, path, "expected an integer, got " + node.describe());
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(((YamlNode.Scalar) node).text().replace("_", ""));
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            problem(node, path, ((YamlNode.Scalar) node).text() + " is out of range " + min + "-" + max);
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    /** A number greater than zero (an integer is fine). */
    Optional<Double> positive(YamlNode node, String path) {
        if (!isKind(node, YamlNode.ScalarKind.INTEGER) && !isKind(node, YamlNode.ScalarKind.FLOAT)) {
            problem(node, path, "expected a number, got " + node.describe());
            return Optional.empty();
        }
        double value = Double.parseDouble(((YamlNode.Scalar) node).text().replace("_", ""));
        if (!(value > 0) || Double.isInfinite(value)) {
            problem(node, path, ((YamlNode.Scalar) node).text() + " must be a positive number");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Boolean> bool(YamlNode node, String path) {
        if (!isKind(node, YamlNode.ScalarKind.BOOLEAN)) {
            problem(node, path, "expected true or false, got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(((YamlNode.Scalar) node).text().toLowerCase(Locale.ROOT)));
    }

    /** {@code 300s}, {@code 10m}, {@code 1h}, {@code 500ms}, or a bare integer meaning seconds (wnm's unit). */
    Optional<Duration> duration(YamlNode node, String path) {
        return text(node, path).flatMap(text -> {
            Matcher m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                problem(node, path, "invalid duration '" + text + "' (expected e.g. 300s, 10m or 1h)");
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            switch (unit) {
                case "ms":
                    return Optional.of(Duration.ofMillis(n));
                case "m":
                    return Optional.of(Duration.ofMinutes(n));
                case "h":
                    return Optional.of(Duration.ofHours(n));
                default:
                    return Optional.of(Duration.ofSeconds(n));
            }
        });
    }

    /** Reads text and converts it; an {@link IllegalArgumentException} from the converter becomes a problem. */
    <T> Optional<T> converted(YamlNode node, String path, Function<String, T> converter) {
        return text(node, path).flatMap(text -> {
            try {
                return Optional.of(converter.apply(text));
            } catch (IllegalArgumentException | ArithmeticException e) {
                problem(node, path, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static boolean isKind(YamlNode node, YamlNode.ScalarKind kind) {
        return node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).kind() == kind;
    }
}
