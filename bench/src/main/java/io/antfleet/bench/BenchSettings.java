package io.antfleet.bench;

import java.util.List;
import java.util.Set;

/**
 * What to run: the scenarios, the number of stand-in containers and nodes per container, and the first
 * host port of the block the bench may use (node, metrics and rpc ports are three consecutive blocks of
 * {@link #block()} ports: 1,000 up to 1,000 nodes, the node count rounded up to a thousand above).
 */
public record BenchSettings(List<String> scenarios, int containers, int nodesPerContainer, int firstPort, String image,
        String antImage) {
    /** The most nodes one bench fleet holds (the {@code scale} fleet's 5,000). */
    public static final int MAX_NODES = 5000;
    public static final List<String> DEFAULT = List.of("converge", "import", "sweep", "sweep-faulty", "idle-cycle", "memory", "scale");
    /** The Autonomi v2 ({@code nodeManager: ant}) scenarios: on the ant image, run only when named. */
    public static final List<String> ANT = List.of("converge-ant", "idle-cycle-ant");
    /** Run only when named: idle cycle, sweep and import as the fleet grows ({@link ScaleScenarios}). */
    public static final String SCALING = "scaling";
    public static final Set<String> KNOWN = Set.of("converge", "import", "sweep", "sweep-faulty", "idle-cycle", "memory", "scale",
            "converge-ant", "idle-cycle-ant", SCALING);

    public BenchSettings(List<String> scenarios, int containers, int nodesPerContainer, int firstPort, String image) {
        this(scenarios, containers, nodesPerContainer, firstPort, image, "antfleet/agent:ant-stand-in");
    }

    public BenchSettings {
        scenarios = List.copyOf(scenarios);
        for (String s : scenarios) {
            if (!KNOWN.contains(s)) {
                throw new IllegalArgumentException("unknown bench scenario '" + s + "' (known: " + String.join(", ", DEFAULT) + ", "
                        + String.join(", ", ANT) + ", " + SCALING + ")");
            }
        }
        if (containers < 1 || nodesPerContainer < 1 || containers * nodesPerContainer > MAX_NODES) {
            throw new IllegalArgumentException("containers x nodes per container must be 1.." + MAX_NODES + ", got "
                    + containers + " x " + nodesPerContainer);
        }
        int block = block(containers * nodesPerContainer);
        if (firstPort < 1024 || firstPort + 3 * block > 65536) {
            throw new IllegalArgumentException("first port " + firstPort + " leaves no room for 3 blocks of " + block);
        }
    }

    /** Whether a chosen scenario reads or writes the store (sweep and memory do not). */
    boolean usesStore() {
        return scenarios.contains("converge") || scenarios.contains("import") || scenarios.contains("idle-cycle")
                || scenarios.contains("scale") || scenarios.contains(SCALING) || scenarios.stream().anyMatch(ANT::contains);
    }

    /** The same fleet's settings with other scenarios (an empty list: a fleet only). */
    BenchSettings withScenarios(List<String> chosen) {
        return new BenchSettings(chosen, containers, nodesPerContainer, firstPort, image, antImage);
    }

    /** Ports in each of the node, metrics and rpc blocks. */
    int block() {
        return block(nodes());
    }

    private static int block(int nodes) {
        return Math.max(1000, (nodes + 999) / 1000 * 1000);
    }

    public int nodes() {
        return containers * nodesPerContainer;
    }

    int nodePort(int container) {
        return firstPort + container * nodesPerContainer;
    }

    int metricsPort(int container) {
        return firstPort + block() + container * nodesPerContainer;
    }

    int rpcPort(int container) {
        return firstPort + 2 * block() + container * nodesPerContainer;
    }
}
