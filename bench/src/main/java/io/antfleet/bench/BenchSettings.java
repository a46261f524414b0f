package io.antfleet.bench;

import java.util.List;
import java.util.Set;

/**
 * What to run: the scenarios, the number of stand-in containers and nodes per container, and the first
 * host port of the block the bench may use (node, metrics and rpc ports are three consecutive thousands).
 */
public record BenchSettings(List<String> scenarios, int containers, int nodesPerContainer, int firstPort, String image,
        String antImage) {
    /** The most nodes a bench run holds. */
    public static final int MAX_NODES = 1000;
    public static final List<String> DEFAULT = List.of("converge", "import", "sweep", "sweep-faulty", "idle-cycle", "memory");
    /** The Autonomi v2 ({@code nodeManager: ant}) scenarios: on the ant image, run only when named. */
    public static final List<String> ANT = List.of("converge-ant", "idle-cycle-ant");
    public static final Set<String> KNOWN = Set.of("converge", "import", "sweep", "sweep-faulty", "idle-cycle", "memory",
            "converge-ant", "idle-cycle-ant");

    public BenchSettings(List<String> scenarios, int containers, int nodesPerContainer, int firstPort, String image) {
        this(scenarios, containers, nodesPerContainer, firstPort, image, "antfleet/agent:ant-stand-in");
    }

    public BenchSettings {
        scenarios = List.copyOf(scenarios);
        for (String s : scenarios) {
            if (!KNOWN.contains(s)) {
                throw new IllegalArgumentException("unknown bench scenario '" + s + "' (known: " + String.join(", ", DEFAULT) + ", "
                        + String.join(", ", ANT) + ")");
            }
        }
        if (containers < 1 || nodesPerContainer < 1 || containers * nodesPerContainer > MAX_NODES) {
            throw new IllegalArgumentException("containers x nodes per container must be 1..1000, got "
                    + containers + " x " + nodesPerContainer);
        }
        if (firstPort < 1024 || firstPort + 3000 > 65535) {
            throw new IllegalArgumentException("first port " + firstPort + " leaves no room for 3 blocks of 1000");
        }
    }

    /** Whether a chosen scenario reads or writes the store (sweep and memory do not). */
    boolean usesStore() {
        return scenarios.contains("converge") || scenarios.contains("import") || scenarios.contains("idle-cycle")
                || scenarios.stream().anyMatch(ANT::contains);
    }

    public int nodes() {
        return containers * nodesPerContainer;
    }

    int nodePort(int container) {
        return firstPort + container * nodesPerContainer;
    }

    int metricsPort(int container) {
        return firstPort + 1000 + container * nodesPerContainer;
    }

    int rpcPort(int container) {
        return firstPort + 2000 + container * nodesPerContainer;
    }
}
