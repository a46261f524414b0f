package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.plan.PortAllocator;
import io.antfleet.fleet.plan.PortBatch;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.SpecContainer;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One container's decisions, in order, through {@link NodeActions}: ADD is one antctl add of the whole
 * count (split only where the weighted wallet draw changes) and then one start; START, STOP, REMOVE and
 * RESTART are one call each over their services; UPGRADE goes in batches of {@code max_concurrent_upgrades},
 * each health-gated before the next. The first failure ends the container's cycle.
 */
public final class ContainerDecisions {
    private final NodeActions actions;
    private final NodeRepository nodes;
    private final UnitOfWork unit;
    private final WalletPicker wallets;
    private final UpgradeGate gate;
    private final Clock clock;

    public ContainerDecisions(NodeActions actions, NodeRepository nodes, UnitOfWork unit, WalletPicker wallets,
            NodeSweeper sweeper, Clock clock, Pacer pacer, java.time.Duration gateTimeout, java.time.Duration gatePoll) {
        this(actions, nodes, unit, wallets, sweeper, null, ProbeRoute.NONE, clock, pacer, gateTimeout, gatePoll);
    }

    /** With the upgrade gate reading the containers {@code route} names through {@code probes} (other hosts'). */
    public ContainerDecisions(NodeActions actions, NodeRepository nodes, UnitOfWork unit, WalletPicker wallets,
            NodeSweeper sweeper, ProbeObservation probes, ProbeRoute route, Clock clock, Pacer pacer,
            java.time.Duration gateTimeout, java.time.Duration gatePoll) {
        this.actions = requireNonNull(actions, "actions is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.wallets = requireNonNull(wallets, "wallets is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.gate = new UpgradeGate(sweeper, probes, route, clock, pacer, gateTimeout, gatePoll);
    }

    List<ExecutionReport.Outcome> run(String name, List<Decision> decisions, Observation observation, RunTarget target,
            BooleanSupplier mayAct) {
        List<ExecutionReport.Outcome> out = new ArrayList<>();
        Container container = observation.containers().get(name);
        boolean failed = false;
        for (Decision d : decisions) {
            if (failed) {
                out.add(new ExecutionReport.Outcome(d, Optional.of("skipped: an earlier action in " + name + " failed")));
                continue;
            }
            try {
                if (container == null) {
                    throw new AntfleetException("container " + name + " has no row in the store");
                }
                if (!mayAct.getAsBoolean()) {
                    throw new AntfleetException("not carried out: the database lease could not be confirmed");
                }
                perform(d, container, target);
                out.add(new ExecutionReport.Outcome(d, Optional.empty()));
            } catch (AntfleetException | IllegalArgumentException e) {
                failed = true;
                out.add(new ExecutionReport.Outcome(d, Optional.of(String.valueOf(e.getMessage()))));
            }
        }
        return out;
    }

    private void perform(Decision d, Container c, RunTarget target) {
        switch (d.action()) {
            case ADD:
                add(c, d.count(), spec(c, target));
                break;
            case START:
                actions.start(c, d.services());
                break;
            case STOP:
                actions.stop(c, d.services());
                break;
            case REMOVE:
                during(c, d.services(), NodeStatus.REMOVING, () -> actions.remove(c, d.services()));
                break;
            case RESTART:
                during(c, d.services(), NodeStatus.RESTARTING, () -> actions.restart(c, d.services()));
                break;
            case UPGRADE:
                upgrade(c, d.services(), spec(c, target), target.settings().concurrency().upgrades());
                break;
            default:
                break;
        }
    }

    private static SpecContainer spec(Container c, RunTarget target) {
        return target.byDockerName(c.name())
                .orElseThrow(() -> new AntfleetException("container " + c.name() + " is not in the spec"));
    }

    private void add(Container c, int count, SpecContainer spec) {
        List<WalletAddress> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(wallets.pick(spec.rewardsAddress()));
        }
        List<ServiceName> added = new ArrayList<>();
        int start = 0;
        while (start < count) {
            int end = start + 1;
            while (end < count && drawn.get(end).equals(drawn.get(start))) {
                end++;
            }
            PortBatch ports = PortAllocator.contiguousNodePorts(c.name(), c.ports(), nodes.findByContainer(c.id()), end - start);
            AddNodesRequest request = new AddNodesRequest(end - start, path(spec), version(spec), ports.node(),
                    ports.metrics(), ports.rpc(), spec.noUpnp(), drawn.get(start), spec.network());
            actions.add(c, request).forEach(n -> added.add(n.service()));
            start = end;
        }
        actions.start(c, added);
    }

    /** Batches of {@code batch}; each is upgraded, marked UPGRADING, and gated on the new version. */
    private void upgrade(Container c, List<ServiceName> services, SpecContainer spec, int batch) {
        for (int from = 0; from < services.size(); from += batch) {
            List<ServiceName> part = services.subList(from, Math.min(services.size(), from + batch));
            UpgradeSummary[] result = new UpgradeSummary[1];
            during(c, part, NodeStatus.UPGRADING, () -> {
                result[0] = actions.upgrade(c, new UpgradeNodesRequest(part, path(spec), version(spec)));
                if (!result[0].failed().isEmpty()) {
                    throw new AntfleetException("antctl upgrade failed in " + c.name() + ": " + result[0].failed().stream()
                            .map(o -> o.service().value() + ": " + o.message()).toList());
                }
            });
            UpgradeSummary summary = result[0];
            Map<Node, String> expected = new LinkedHashMap<>();
            for (ServiceName s : part) {
                Node n = nodes.find(c.id(), s).orElseThrow(() -> new AntfleetException("node " + c.name() + "/" + s.value()
                        + " vanished from the store during its upgrade"));
                String want = expectedVersion(summary, s, spec, n);
                expected.put(n, want);
            }
            try {
                gate.await(c, expected);
            } catch (AntfleetException e) {
                mark(c, part, NodeStatus.UNKNOWN);
                throw e;
            }
            mark(c, part, NodeStatus.RUNNING);
        }
    }

    private static String expectedVersion(UpgradeSummary summary, ServiceName s, SpecContainer spec, Node n) {
        Optional<String> reported = summary.outcomes().stream().filter(o -> o.service().equals(s))
                .map(UpgradeOutcome::toVersion).filter(v -> v != null).findFirst();
        String v = reported.orElse(version(spec) != null ? version(spec) : n.version());
        if (v == null) {
            throw new AntfleetException("cannot tell which version " + s.value() + " was upgraded to");
        }
        return v;
    }

    /**
     * Marks the nodes transitional while the action runs (a sweep meanwhile leaves them alone); when it
     * fails, puts back the statuses they had. On success the action has written their new status. Each
     * marking is one unit of work: all of the nodes or none.
     */
    private void during(Container c, List<ServiceName> services, NodeStatus transitional, Runnable action) {
        Map<ServiceName, NodeStatus> before = new LinkedHashMap<>();
        services.forEach(s -> nodes.find(c.id(), s).ifPresent(n -> before.put(s, n.status())));
        mark(c, services, transitional);
        try {
            action.run();
        } catch (RuntimeException e) {
            java.time.Instant now = clock.instant();
            try {
                unit.run(() -> before.forEach((s, status) -> nodes.find(c.id(), s)
                        .ifPresent(n -> nodes.updateStatus(n.id(), status, now))));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
    }

    private void mark(Container c, List<ServiceName> services, NodeStatus status) {
        java.time.Instant now = clock.instant();
        unit.run(() -> services.forEach(s -> nodes.find(c.id(), s).ifPresent(n -> nodes.updateStatus(n.id(), status, now))));
    }

    static String path(SpecContainer c) {
        return c.antnode() instanceof AntnodeSource.Path ? ((AntnodeSource.Path) c.antnode()).path() : null;
    }

    static String version(SpecContainer c) {
        return c.antnode() instanceof AntnodeSource.Version ? ((AntnodeSource.Version) c.antnode()).version() : null;
    }
}
