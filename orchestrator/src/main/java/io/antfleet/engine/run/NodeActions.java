package io.antfleet.engine.run;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeSummary;
import java.util.List;

/**
 * The node changes the run loop makes on a recorded container: journaled, bounded by antctl's timeouts,
 * node rows kept in step (the production implementation is {@link io.antfleet.engine.NodeLifecycle}).
 * Calls into one container are made one at a time; different containers in parallel.
 */
public interface NodeActions {
    /** Adds (does not start) {@code request.count()} nodes in one antctl call; returns their rows. */
    List<Node> add(Container container, AddNodesRequest request);

    void start(Container container, List<ServiceName> services);

    void stop(Container container, List<ServiceName> services);

    /** Stop, then start. */
    void restart(Container container, List<ServiceName> services);

    /** Stop, then remove for good (data dirs deleted); rows become DEAD. */
    void remove(Container container, List<ServiceName> services);

    UpgradeSummary upgrade(Container container, UpgradeNodesRequest request);
}
