package io.antfleet.faults;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerModule;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The run loop's whole object graph, as {@code antfleet run} builds it, over a {@link FaultStore} database
 * and the Docker daemon {@code docker} names, for a fleet {@code rundocker-<label>-<random>} of stand-in
 * containers. {@link #close()} removes the fleet's containers and volumes and drops the database.
 */
final class RunFixture implements AutoCloseable {
    static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    final String fleet;
    final FaultStore store;
    final Injector injector;
    private final DockerSettings docker;

    RunFixture(String label, DockerSettings docker) {
        this.fleet = "rundocker-" + label + "-" + UUID.randomUUID().toString().substring(0, 6);
        this.docker = docker;
        this.store = FaultStore.create("rundocker_" + label);
        this.injector = Bootstrap.injector(List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(),
                        OutputFormat.TABLE, false));
            }
        }, new StoreModule(Database.parse(store.url())), new DockerModule(docker), new AntctlModule(), new io.antfleet.ant.AntModule(),
                new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    }

    /** A spec of {@code containers} (YAML flow list) with ports from {@code portBase} (node), +100 metrics, +200 rpc. */
    String specYaml(int portBase, String containers, String autoscale) {
        return String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true", "antnode: {version: 0.4.17}",
                "ports: {node: " + portBase + ", metrics: " + (portBase + 100) + ", rpc: " + (portBase + 200)
                        + ", blockSize: 10}",
                "containers: " + containers, "autoscale: " + autoscale, "");
    }

    FleetSpec spec(String yaml) {
        return new SpecLoader().parse(fleet + ".yaml", yaml);
    }

    DockerGateway docker() {
        return injector.getInstance(DockerGateway.class);
    }

    /** The fleet's node rows in container, service order. */
    List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        NodeRepository nodes = injector.getInstance(NodeRepository.class);
        injector.getInstance(ContainerRepository.class).findAll().stream().filter(c -> c.name().startsWith(fleet + "-"))
                .forEach(c -> all.addAll(nodes.findByContainer(c.id())));
        return all;
    }

    String containerStatus(String dockerName) {
        return injector.getInstance(ContainerRepository.class).findByName(dockerName).orElseThrow().status();
    }

    @Override
    public void close() {
        try {
            removeContainers();
            injector.getInstance(OwnedResources.class).close(); // the executors, the sweep, Docker's client
        } finally {
            store.close();
        }
    }

    private void removeContainers() {
        List<String> volumes = new ArrayList<>();
        try {
            for (ContainerInfo c : docker().listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
                docker().remove(c.id(), true);
                volumes.add(c.name() + "-data");
            }
        } catch (DockerOperationException e) {
            // the daemon is gone (a private one torn down first): its data dir goes with it
            return;
        }
        for (String volume : volumes) {
            List<String> command = new ArrayList<>(List.of("docker"));
            if (!docker.host().equals(DockerSettings.defaults().host())) {
                command.addAll(List.of("-H", docker.host()));
            }
            command.addAll(List.of("volume", "rm", "-f", volume));
            PrivateDockerd.quietly(command, 60, TimeUnit.SECONDS);
        }
    }
}
