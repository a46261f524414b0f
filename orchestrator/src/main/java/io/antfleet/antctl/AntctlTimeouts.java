package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The bound of every antctl call, per verb. {@code start} without {@code --interval} blocks per node
 * until it has peers (antctl's connection timeout, 300 s by default), so its bound scales with the nodes.
 */
public record AntctlTimeouts(
        Duration version,
        Duration status,
        Duration add,
        Duration stop,
        Duration remove,
        Duration reset,
        Duration upgrade,
        Duration perNode,
        Duration startMargin) {

    /** antctl's own default for {@code --connection-timeout}. */
    public static final Duration ANTCTL_CONNECTION_TIMEOUT = Duration.ofSeconds(300);

    public AntctlTimeouts {
        for (Duration d : new Duration[] {version, status, add, stop, remove, reset, upgrade, perNode, startMargin}) {
            requireNonNull(d, "a timeout is null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("antctl timeouts must be positive, got " + d);
            }
        }
    }

    public static AntctlTimeouts defaults() {
        return new AntctlTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(120),
                Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    public Duration add(int count) {
        return add.plus(perNode.multipliedBy(count));
    }

    public Duration stop(int nodes) {
        return stop.plus(perNode.multipliedBy(nodes));
    }

    public Duration remove(int nodes) {
        return remove.plus(perNode.multipliedBy(nodes));
    }

    public Duration start(StartRequest r) {
        return startLike(r.services().size(), r.interval(), r.connectionTimeout());
    }

    public Duration upgrade(UpgradeRequest r) {
        return upgrade.plus(startLike(r.services().size(), r.interval(), r.connectionTimeout()));
    }

    /** With an interval: that long per node; without: up to the connection timeout per node. */
    private Duration startLike(int nodes, Duration interval, Duration connectionTimeout) {
        Duration each = interval != null ? interval.plus(perNode)
                : (connectionTimeout != null ? connectionTimeout : ANTCTL_CONNECTION_TIMEOUT).plus(perNode);
        return startMargin.plus(each.multipliedBy(nodes));
    }
}
