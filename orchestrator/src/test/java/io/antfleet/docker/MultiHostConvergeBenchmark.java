package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.fleet.spec.TlsPaths;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.Database;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's figure: a fleet of 3 hosts (the local engine and two {@link NetnsEngine}s) x 5 containers x 20 stand-in
 * nodes converging from nothing with one {@code antfleet apply}, against the per-host floor: what a script must do on
 * each host, all at once — for every container of every host in parallel, create it on its volume, {@code antctl add
 * --count 20} with its port ranges, {@code antctl start} of the 20 services, each through its own host's engine.
 * Same image, same stand-in settings on both sides; one round each (the fleet is 300 nodes on 2 cores). Ports: local
 * and near from 20000 (node), 21000 (metrics), 22000 (rpc); far from 20300, 21300, 22300 ({@code -Dmultihost.firstPort}).
 * Run: {@code mvn -B -Pbenchmark -pl orchestrator -am verify -Dtest=MultiHostConvergeBenchmark} (root: netns).
 */
@Tag("benchmark")
class MultiHostConvergeBenchmark {
    private static final String IMAGE = "antfleet/agent:stand-in";
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final int CONTAINERS = Integer.getInteger("multihost.containers", 5);
    private static final int NODES = Integer.getInteger("multihost.nodes", 20);
    /** node ports from here, metrics +1000, rpc +2000, NODES per container; far uses the same numbers +300. */
    private static final int PORTS = Integer.getInteger("multihost.firstPort", 20000);

    @Test
    void threeHostsOfFiveContainersOfTwentyNodesConvergeFromNothingAgainstThePerHostFloor() throws Exception {
        List<NetnsEngine> engines = NetnsEngine.startLoaded(2, IMAGE);
        NetnsEngine far = engines.get(0);
        NetnsEngine near = engines.get(1);
        try {
            double load0 = load();
            double antfleet = antfleet(far, near);
            double floor = floor(far, near);
            System.out.printf(Locale.ROOT, "MultiHostConvergeBenchmark: 3 hosts x %d containers x %d nodes from nothing:"
                    + " antfleet apply %.2f s; per-host floor (every container of every host at once: create + antctl add"
                    + " + antctl start) %.2f s; ratio %.2f; load average %.1f at the start, %.1f at the end%n",
                    CONTAINERS, NODES, antfleet, floor, antfleet / floor, load0, load());
        } finally {
            far.close();
            near.close();
        }
    }

    private static double load() throws java.io.IOException {
        return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double antfleet(NetnsEngine far, NetnsEngine near) {
        String fleet = "mhb-" + UUID.randomUUID().toString().substring(0, 6);
        Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
            }
        }, new StoreModule(Database.inMemory(fleet.replace('-', '_'))), new DockerModule(), new AntctlModule(),
                new io.antfleet.ant.AntModule(), new MetricsModule(SweepSettings.defaults()), new EngineModule()));
        try {
            long t0 = System.nanoTime();
            ApplyReport report = injector.getInstance(ApplyService.class).apply(new SpecLoader().parse("bench.yaml",
                    spec(fleet, far, near)), false);
            double took = (System.nanoTime() - t0) / 1e9;
            assertThat(report.ok()).as(report.toString()).isTrue();
            return took;
        } finally {
            injector.getInstance(OwnedResources.class).close();
            removeAll(far, near, "antfleet.fleet=" + fleet);
        }
    }

    private static String spec(String fleet, NetnsEngine far, NetnsEngine near) {
        StringBuilder s = new StringBuilder(String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet, "image: " + IMAGE,
                "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'", "noUpnp: true",
                "ports: {node: " + PORTS + ", metrics: " + (PORTS + 1000) + ", rpc: " + (PORTS + 2000) + ", blockSize: " + NODES + "}",
                "hosts:", "  - name: far", "    docker: " + far.endpoint(), "    tls: " + tls(far.trustedClient()),
                "    ports: {node: " + (PORTS + 300) + ", metrics: " + (PORTS + 1300) + ", rpc: " + (PORTS + 2300)
                        + ", blockSize: " + NODES + "}",
                "  - name: near", "    docker: " + near.endpoint(), "    tls: " + tls(near.trustedClient()), "containers:", ""));
        for (String host : List.of("local", "far", "near")) {
            for (int i = 0; i < CONTAINERS; i++) {
                s.append("  - {name: ").append(host).append(i).append(", host: ").append(host).append(", nodes: ")
                        .append(NODES).append("}\n");
            }
        }
        return s.toString();
    }

    private static String tls(TlsPaths tls) {
        return "{caCert: " + tls.caCert() + ", cert: " + tls.cert() + ", key: " + tls.key() + "}";
    }

    /** Every container of every host at once, each chain in order, through its host's engine. */
    private static double floor(NetnsEngine far, NetnsEngine near) throws Exception {
        String run = "mhf-" + UUID.randomUUID().toString().substring(0, 6);
        DockerJavaGateway local = new DockerJavaGateway(DockerSettings.defaults());
        DockerJavaGateway farGateway = new DockerJavaGateway(DockerSettings.defaults().forEngine(far.endpoint(),
                Optional.of(far.trustedClient())));
        DockerJavaGateway nearGateway = new DockerJavaGateway(DockerSettings.defaults().forEngine(near.endpoint(),
                Optional.of(near.trustedClient())));
        ExecutorService pool = Executors.newFixedThreadPool(3 * CONTAINERS);
        try {
            List<Future<?>> chains = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < CONTAINERS; i++) {
                chains.add(pool.submit(chain(local, run + "-local" + i, PORTS + i * NODES, run)));
                chains.add(pool.submit(chain(farGateway, run + "-far" + i, PORTS + 300 + i * NODES, run)));
                chains.add(pool.submit(chain(nearGateway, run + "-near" + i, PORTS + i * NODES, run)));
            }
            for (Future<?> f : chains) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
            local.close();
            farGateway.close();
            nearGateway.close();
            removeAll(far, near, "antfleet.bench=" + run);
        }
    }

    private static Runnable chain(DockerGateway docker, String name, int port, String run) {
        int metrics = port + 1000;
        int rpc = port + 2000;
        return () -> {
            docker.createAndStart(new ContainerSpec(name, IMAGE, Map.of("antfleet.bench", run), "host", name + "-data",
                    "/var/antctl", null, null));
            must(docker.exec(name, List.of("antctl", "add", "--count", Integer.toString(NODES), "--node-port",
                    port + "-" + (port + NODES - 1), "--metrics-port", metrics + "-" + (metrics + NODES - 1), "--rpc-port",
                    rpc + "-" + (rpc + NODES - 1), "--no-upnp", "--rewards-address", WALLET, "evm-arbitrum-one"), null,
                    Map.of(), null, Duration.ofMinutes(5)));
            List<String> start = new ArrayList<>(List.of("antctl", "start"));
            for (int n = 1; n <= NODES; n++) {
                start.addAll(List.of("--service-name", "antnode" + n));
            }
            must(docker.exec(name, start, null, Map.of(), null, Duration.ofMinutes(5)));
        };
    }

    private static void must(ExecResult r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("floor step failed: " + r);
        }
    }

    private static void removeAll(NetnsEngine far, NetnsEngine near, String label) {
        try (DockerJavaGateway local = new DockerJavaGateway(DockerSettings.defaults())) {
            String[] kv = label.split("=", 2);
            local.listByLabels(Map.of(kv[0], kv[1])).forEach(c -> local.remove(c.id(), true));
        }
        for (NetnsEngine engine : new NetnsEngine[] {far, near}) {
            String ids = engine.cli("ps", "-aq", "--filter", "label=" + label).out().trim();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
                rm.addAll(List.of(ids.split("\\s+")));
                engine.cli(rm.toArray(String[]::new));
            }
        }
    }
}
