package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.metrics.SweptNode;
import io.antfleet.metrics.SweepTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health gate of a rolling upgrade: after {@code antctl upgrade}, the batch counts as done only when
 * every upgraded node answers its metrics with the version it was upgraded to. Polls until then, at most
 * {@code timeout}; the next batch is not started before. A container on a host whose 127.0.0.1 is not ours
 * ({@link ProbeRoute}) is read through its probe (one exec per poll), never by its port numbers here, which on this
 * machine may be another node's.
 */
final class UpgradeGate {
    private final NodeSweeper sweeper;
    private final ProbeObservation probes;
    private final ProbeRoute route;
    private final Clock clock;
    private final Pacer pacer;
    private final Duration timeout;
    private final Duration poll;

    UpgradeGate(NodeSweeper sweeper, ProbeObservation probes, ProbeRoute route, Clock clock, Pacer pacer, Duration timeout,
            Duration poll) {
        this.sweeper = requireNonNull(sweeper, "sweeper is null");
        this.probes = probes;
        this.route = requireNonNull(route, "route is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pacer = requireNonNull(pacer, "pacer is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.poll = requireNonNull(poll, "poll is null");
    }

    Duration timeout() {
        return timeout;
    }

    /** Waits until each node answers with its expected version; raises, naming the laggards, at the timeout. */
    void await(Container c, Map<Node, String> expected) {
        String container = c.name();
        Instant deadline = clock.instant().plus(timeout);
        List<String> waiting = List.of();
        while (true) {
            waiting = laggards(c, expected);
            if (waiting.isEmpty()) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new AntfleetException("upgraded nodes in " + container + " did not answer their metrics with the "
                        + "new version within " + timeout.toSeconds() + " s: " + String.join(", ", waiting));
            }
            pacer.pause(poll);
        }
    }

    private List<String> laggards(Container c, Map<Node, String> expected) {
        String container = c.name();
        List<Node> nodes = new ArrayList<>(expected.keySet());
        List<SweepTarget> targets = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Node n : nodes) {
            if (n.metricsPort() == null) {
                throw new AntfleetException("node " + container + "/" + n.service().value()
                        + " has no metrics port, so its upgrade cannot be health-checked");
            }
            targets.add(SweepTarget.local(container + "/" + n.service().value(), n.metricsPort()));
        }
        List<SweptNode> probes = read(c, nodes, targets);
        for (int i = 0; i < nodes.size(); i++) {
            String want = expected.get(nodes.get(i));
            SweptNode p = probes.get(i);
            if (!StatusRule.answersWith(p, want)) {
                waiting.add(nodes.get(i).service().value() + " (" + (p.isRunning() ? "answers "
                        + p.readings().version() : "silent: " + p.failure()) + ", want " + want + ")");
            }
        }
        return waiting;
    }

    private List<SweptNode> read(Container c, List<Node> nodes, List<SweepTarget> targets) {
        if (probes == null || !route.throughProbe(c.host())) {
            return sweeper.sweep(targets);
        }
        ProbeObservation.Readings read = probes.read(List.of(new ProbeObservation.Probed(c, nodes, c.host())));
        List<SweptNode> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            SweptNode seen = read.byNode().get(nodes.get(i).id());
            out.add(seen != null ? seen : SweptNode.failed(targets.get(i), read.notes().isEmpty() ? "not listed by the probe"
                    : read.notes().get(0)));
        }
        return out;
    }
}
