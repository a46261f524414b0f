package io.antfleet.config.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, keeping every token's
 * location. A duplicate key is a problem (the later value is dropped); a syntax error ends the read.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private final String file;
    private final Problems problems;

    YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or empty when the text is empty or not YAML (the problem is recorded). */
    Optional<YamlNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new SpecLocation(file, 1, 1), "the spec is empty (expected apiVersion: antfleet/v1 and the fleet)");
                return Optional.empty();
            }
            return Optional.of(node(parser));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SpecLocation where = at == null ? new SpecLocation(file, 1, 1) : location(at);
            problems.add(where, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode node(JsonParser parser) throws IOException {
        SpecLocation at = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return mapping(parser, at);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(at, items);
            case VALUE_STRING:
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.FLOAT, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.NULL, "");
            default:
                // Embedded objects (binary tags) are not spec values.
                return new YamlNode.Scalar(at, YamlNode.ScalarKind.STRING, String.valueOf(parser.getText()));
        }
    }

    private YamlNode mapping(JsonParser parser, SpecLocation at) throws IOException {
        Map<String, YamlNode.Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SpecLocation keyAt = location(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = node(parser);
            YamlNode.Field earlier = fields.get(key);
            if (earlier != null) {
                problems.add(keyAt, "duplicate key '" + key + "' (first at line " + earlier.keyLocation().line() + ")");
            } else {
                fields.put(key, new YamlNode.Field(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(at, fields);
    }

    private SpecLocation location(JsonLocation at) {
        return new SpecLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
