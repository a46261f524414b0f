package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeSummary;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Times every node action and counts its failures in {@link FleetMetrics}, by antctl command. */
public final class MeteredNodeActions implements NodeActions {
    private final NodeActions delegate;
    private final FleetMetrics metrics;

    public MeteredNodeActions(NodeActions delegate, FleetMetrics metrics) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public List<Node> add(Container container, AddNodesRequest request) {
        return timed("add", () -> delegate.add(container, request));
    }

    @Override
    public void start(Container container, List<ServiceName> services) {
        timed("start", () -> {
            delegate.start(container, services);
            return null;
        });
    }

    @Override
    public void stop(Container container, List<ServiceName> services) {
        timed("stop", () -> {
            delegate.stop(container, services);
            return null;
        });
    }

    @Override
    public void restart(Container container, List<ServiceName> services) {
        timed("restart", () -> {
            delegate.restart(container, services);
            return null;
        });
    }

    @Override
    public void remove(Container container, List<ServiceName> services) {
        timed("remove", () -> {
            delegate.remove(container, services);
            return null;
        });
    }

    @Override
    public UpgradeSummary upgrade(Container container, UpgradeNodesRequest request) {
        return timed("upgrade", () -> {
            UpgradeSummary summary = delegate.upgrade(container, request);
            return summary;
        });
    }

    private <T> T timed(String command, Supplier<T> call) {
        long t0 = System.nanoTime();
        boolean failed = true;
        try {
            T result = call.get();
            failed = result instanceof UpgradeSummary && !((UpgradeSummary) result).failed().isEmpty();
            return result;
        } finally {
            metrics.antctlCall(command, Duration.ofNanos(System.nanoTime() - t0), failed);
        }
    }
}
