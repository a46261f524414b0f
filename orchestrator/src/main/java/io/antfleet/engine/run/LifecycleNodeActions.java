package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeSummary;
import java.util.List;

/** {@link NodeActions} through the journaled {@link NodeLifecycle}. */
public final class LifecycleNodeActions implements NodeActions {
    private final NodeLifecycle lifecycle;

    @Inject
    public LifecycleNodeActions(NodeLifecycle lifecycle) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    @Override
    public List<Node> add(Container container, AddNodesRequest request) {
        return lifecycle.add(container, request);
    }

    @Override
    public void start(Container container, List<ServiceName> services) {
        lifecycle.start(container, services);
    }

    @Override
    public void stop(Container container, List<ServiceName> services) {
        lifecycle.stop(container, services);
    }

    @Override
    public void restart(Container container, List<ServiceName> services) {
        lifecycle.restart(container, services);
    }

    @Override
    public void remove(Container container, List<ServiceName> services) {
        lifecycle.remove(container, services, false);
    }

    @Override
    public UpgradeSummary upgrade(Container container, UpgradeNodesRequest request) {
        return lifecycle.upgrade(container, request);
    }
}
