package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateways;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.time.Clock;

/** The adapters an apply acts through, passed as one value to each container's run; Docker per host. */
public record ApplyDeps(DockerGateways docker, NodeManagers managers, ContainerRepository containers, NodeRepository nodes,
        NodeLifecycle lifecycle, WalletPicker wallets, Clock clock) {
    public ApplyDeps {
        requireNonNull(docker, "docker is null");
        requireNonNull(managers, "managers is null");
        requireNonNull(containers, "containers is null");
        requireNonNull(nodes, "nodes is null");
        requireNonNull(lifecycle, "lifecycle is null");
        requireNonNull(wallets, "wallets is null");
        requireNonNull(clock, "clock is null");
    }
}
