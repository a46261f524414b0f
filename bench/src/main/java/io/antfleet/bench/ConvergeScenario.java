package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.fleet.AntfleetException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Converge from empty: {@code antfleet apply} of C containers x N nodes (all started), against the {@link Floor}
 * of a script that takes the same steps (create the container, then {@code antctl add} of the batch and
 * {@code antctl start} of its services) for every container at once. Ports: node FIRST.., metrics FIRST+1000..,
 * rpc FIRST+2000.., N per container.
 */
final class ConvergeScenario {
    static final double TARGET_RATIO = 1.10;
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    private final DockerGateway docker;
    private final ApplyService apply;

    ConvergeScenario(DockerGateway docker, ApplyService apply) {
        this.docker = requireNonNull(docker, "docker is null");
        this.apply = requireNonNull(apply, "apply is null");
    }

    ScenarioResult run(int containers, int nodes, int firstPort, String image, PrintWriter progress) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String fleet = "bench-" + run;
        double antfleet;
        double cpu;
        try {
            double cpu0 = PeakMemory.processCpuSeconds();
            long start = System.nanoTime();
            ApplyReport report = apply.apply(new SpecLoader().parse("bench.yaml", spec(fleet, containers, nodes,
                    firstPort, image)), false);
            antfleet = (System.nanoTime() - start) / 1e9;
            cpu = PeakMemory.processCpuSeconds() - cpu0;
            if (!report.ok()) {
                throw new AntfleetException("bench converge: apply failed: " + report.containers());
            }
        } finally {
            removeFleet(fleet);
        }
        progress.println("bench: converge: antfleet apply took " + String.format(Locale.ROOT, "%.2f s", antfleet));
        progress.flush();
        List<String> names = new ArrayList<>();
        double floor;
        try {
            List<List<Floor.Step>> chains = new ArrayList<>();
            for (int i = 0; i < containers; i++) {
                String name = "bench-" + run + "-floor" + i;
                names.add(name);
                chains.add(floorChain(name, image, nodes, firstPort + i * nodes));
            }
            floor = new Floor(docker).chains(chains);
        } finally {
            names.forEach(this::removeContainer);
        }
        return ScenarioResult.timed("converge", antfleet, floor, "<= 1.10 x the floor", antfleet <= TARGET_RATIO * floor,
                String.format(Locale.ROOT, "empty to %d containers x %d nodes running: antfleet apply %.2f s; "
                        + "floor (per container at once: create + antctl add + antctl start) %.2f s (one round each)",
                        containers, nodes, antfleet, floor), cpu);
    }

    private static String spec(String fleet, int containers, int nodes, int firstPort, String image) {
        StringBuilder text = new StringBuilder();
        text.append("apiVersion: antfleet/v1\nfleet: ").append(fleet).append("\nimage: ").append(image)
                .append("\nprocessManager: antctl+sudo\nrewardsAddress: \"").append(WALLET).append("\"\nnoUpnp: true\n")
                .append("ports: {node: ").append(firstPort).append(", metrics: ").append(firstPort + 1000)
                .append(", rpc: ").append(firstPort + 2000).append(", blockSize: ").append(nodes).append("}\n")
                .append("containers:\n");
        for (int i = 0; i < containers; i++) {
            text.append("  - name: c").append(i).append("\n    nodes: ").append(nodes).append('\n');
        }
        return text.toString();
    }

    /** What a script does for one container: create it on its volume, add the batch, start the batch's services. */
    private static List<Floor.Step> floorChain(String name, String image, int nodes, int port) {
        int metrics = port + 1000;
        int rpc = port + 2000;
        List<String> start = new ArrayList<>(List.of("antctl", "start"));
        for (int n = 1; n <= nodes; n++) {
            start.addAll(List.of("--service-name", "antnode" + n));
        }
        ContainerSpec container = new ContainerSpec(name, image, Map.of(BenchFleet.LABEL, "true"), "host",
                name + "-data", "/var/antctl", null, null);
        return List.of(
                docker -> docker.createAndStart(container),
                Floor.exec(name, List.of("antctl", "add", "--count", Integer.toString(nodes), "--node-port",
                        port + "-" + (port + nodes - 1), "--metrics-port", metrics + "-" + (metrics + nodes - 1),
                        "--rpc-port", rpc + "-" + (rpc + nodes - 1), "--no-upnp", "--rewards-address", WALLET,
                        "evm-arbitrum-one")),
                Floor.exec(name, start));
    }

    private void removeFleet(String fleet) {
        for (ContainerInfo c : docker.listByLabels(Map.of("antfleet.fleet", fleet))) {
            removeContainer(c.name());
        }
    }

    /** The container and its named volume (the gateway removes the named volumes a container mounts). */
    private void removeContainer(String name) {
        try {
            docker.remove(name, true);
        } catch (DockerOperationException e) {
            // never created, or already gone
        }
    }
}
