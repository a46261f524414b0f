package io.antfleet.engine.run;

import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Node actions over the memory store, recording every call as text ("add t-alpha 3 46000-46002", "start
 * t-alpha [antnode1]"). An upgrade makes the fake sweeper answer with the new version; containers named in
 * {@link #failUpgrades} fail their upgrades, and with {@link #silentAfterUpgrade} the nodes never come back.
 */
final class FakeNodeActions implements NodeActions {
    private final MemoryStore store;
    private final FakeSweeper sweeper;
    final List<String> calls = new ArrayList<>();
    final Set<String> failUpgrades = new HashSet<>();
    final Set<String> failStarts = new HashSet<>();
    boolean silentAfterUpgrade;

    FakeNodeActions(MemoryStore store, FakeSweeper sweeper) {
        this.store = store;
        this.sweeper = sweeper;
    }

    private synchronized void call(String text) {
        calls.add(text);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<Node> add(Container c, AddNodesRequest r) {
        call("add " + c.name() + " " + r.count() + " " + r.nodePorts() + " metrics " + r.metricsPorts()
                + " version " + r.version());
        int next = store.nodes.findByContainer(c.id()).size() + 1;
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < r.count(); i++) {
            out.add(store.nodes.insert(new Node(null, c.id(), ServiceName.ofNumber(next + i), NodeStatus.STOPPED,
                    r.nodePorts().first() + i, r.metricsPorts().first() + i, r.rpcPorts().first() + i, null, null, null,
                    r.version(), null, null, null, Instant.EPOCH, Instant.EPOCH)));
        }
        return out;
    }

    @Override
    public void start(Container c, List<ServiceName> services) {
        call("start " + c.name() + " " + names(services));
        if (failStarts.contains(c.name())) {
            throw new AntfleetException("antctl start failed in " + c.name());
        }
        each(c, services, n -> {
            sweeper.answer(n.metricsPort(), n.version());
            store.nodes.updateStatus(n.id(), NodeStatus.RUNNING, Instant.EPOCH);
        });
    }

    @Override
    public void stop(Container c, List<ServiceName> services) {
        call("stop " + c.name() + " " + names(services));
        each(c, services, n -> {
            sweeper.silence(n.metricsPort());
            store.nodes.updateStatus(n.id(), NodeStatus.STOPPED, Instant.EPOCH);
        });
    }

    @Override
    public void restart(Container c, List<ServiceName> services) {
        call("restart " + c.name() + " " + names(services));
        each(c, services, n -> store.nodes.updateStatus(n.id(), NodeStatus.RUNNING, Instant.EPOCH));
    }

    @Override
    public void remove(Container c, List<ServiceName> services) {
        call("remove " + c.name() + " " + names(services));
        each(c, services, n -> {
            sweeper.silence(n.metricsPort());
            store.nodes.updateStatus(n.id(), NodeStatus.DEAD, Instant.EPOCH);
        });
    }

    @Override
    public UpgradeSummary upgrade(Container c, UpgradeNodesRequest r) {
        call("upgrade " + c.name() + " " + names(r.services()) + " to " + r.version());
        List<UpgradeOutcome> outcomes = new ArrayList<>();
        each(c, r.services(), n -> {
            if (failUpgrades.contains(c.name())) {
                outcomes.add(new UpgradeOutcome(n.service(), UpgradeOutcome.Kind.FAILED, null, null, "download failed"));
                return;
            }
            outcomes.add(new UpgradeOutcome(n.service(), UpgradeOutcome.Kind.UPGRADED, n.version(), r.version(), null));
            store.nodes.update(new Node(n.id(), n.containerId(), n.service(), n.status(), n.nodePort(), n.metricsPort(),
                    n.rpcPort(), null, null, null, r.version(), null, null, n.readings(), n.createdAt(), n.statusChangedAt()));
            if (silentAfterUpgrade) {
                sweeper.silence(n.metricsPort());
            } else {
                sweeper.answer(n.metricsPort(), r.version());
            }
        });
        return new UpgradeSummary(outcomes, false);
    }

    private void each(Container c, List<ServiceName> services, java.util.function.Consumer<Node> action) {
        services.forEach(s -> action.accept(store.nodes.find(c.id(), s).orElseThrow()));
    }

    private static List<String> names(List<ServiceName> services) {
        return services.stream().map(ServiceName::value).toList();
    }
}
