package io.antfleet.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.decide.HostSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an assumed {@link HostSample} from JSON ({@code --assume-host FILE}), e.g.
 * {@code {"cpu": 20, "mem": 85, "disk": 40, "load1": 0.5, "load5": 0.5, "load15": 0.4}}.
 * Keys: {@code cpu, mem, disk} (percent 0–100), {@code load1, load5, load15},
 * {@code diskReadBytes, diskWriteBytes, netRxBytes, netTxBytes} (bytes per second). A key left out is 0;
 * an unknown key or a value that is not a number is an error, all problems reported together.
 */
public final class HostSampleJson {
    static final List<String> KEYS = List.of("cpu", "mem", "disk", "load1", "load5", "load15",
            "diskReadBytes", "diskWriteBytes", "netRxBytes", "netTxBytes");

    private final ObjectMapper mapper = new ObjectMapper();

    public HostSample read(Path file) {
        try {
            return parse(mapper.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new AntfleetException("cannot read host sample " + file + ": " + e.getMessage(), e);
        }
    }

    public HostSample parse(String json) {
        try {
            return parse(mapper.readTree(json), "JSON");
        } catch (IOException e) {
            throw new AntfleetException("invalid host sample JSON: " + e.getMessage(), e);
        }
    }

    private static HostSample parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new AntfleetException("host sample " + source + " must be a JSON object with keys " + KEYS);
        }
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.copyOf(KEYS).contains(key)) {
                problems.add("unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            } else if (!root.get(key).isNumber()) {
                problems.add("'" + key + "' must be a number, got " + root.get(key));
            }
        }
        double[] v = new double[KEYS.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode node = root.get(KEYS.get(i));
            v[i] = node != null && node.isNumber() ? node.asDouble() : 0;
        }
        try {
            if (problems.isEmpty()) {
                return new HostSample(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        throw new AntfleetException("invalid host sample " + source + ": " + String.join("; ", problems));
    }
}
