package io.antfleet.antctl;

import static io.antfleet.antctl.AntctlManager.names;
import static io.antfleet.antctl.AntctlManager.sorted;
import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.RegisteredNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link NodeManager#populate} for antctl: while add's output proves the registry held only what this call added
 * ({@link AddedEntries}), no status is read before or after an add, and once the start succeeded the entries are
 * those, Running, with the peer ids their nodes serve (asked side by side). Otherwise status is read as
 * {@link AntctlManager#create} reads it, and afterwards surveyed. Called by its manager, which holds the container's
 * lock throughout.
 */
final class AntctlPopulator {
    private final AntctlManager manager;
    private final AntctlClient client;
    private final LivenessProbe probe;

    AntctlPopulator(AntctlManager manager, AntctlClient client, LivenessProbe probe) {
        this.manager = requireNonNull(manager, "manager is null");
        this.client = requireNonNull(client, "client is null");
        this.probe = requireNonNull(probe, "probe is null");
    }

    List<AntctlNode> populate(List<AddNodesRequest> requests, Consumer<List<? extends RegisteredNode>> added) {
        List<AntctlNode> mine = new ArrayList<>();
        boolean proven = true;
        for (AddNodesRequest r : requests) {
            AddRequest request = AddRequest.of(r);
            if (!proven) {
                mine.addAll(manager.create(request, added::accept));
                continue;
            }
            AddOutput output;
            try {
                output = client.add(request);
            } catch (AntctlException failed) {
                throw manager.afterFailedAdd(failed, names(mine), added::accept);
            }
            Optional<List<AntctlNode>> fresh = AddedEntries.of(request, output, mine.size());
            proven = fresh.isPresent();
            List<AntctlNode> entries = fresh.orElseGet(() -> reported(request, output));
            added.accept(entries);
            mine.addAll(entries);
        }
        manager.start(mine.stream().map(AntctlNode::service).toList());
        return proven ? runningWithPeerIds(mine) : manager.survey();
    }

    /**
     * The started entries, Running, each with the peer id its node serves on {@code /metadata} (antctl records the
     * one the node tells it, contract §4), all asked at once; a node whose metadata does not say leaves the answer
     * to a survey.
     */
    private List<AntctlNode> runningWithPeerIds(List<AntctlNode> started) {
        if (started.stream().anyMatch(n -> n.metricsPort() == null)) {
            return manager.survey();
        }
        List<LivenessProbe.ProbeResult> answers = probe.probeAll(started.stream().map(AntctlNode::metricsPort).toList());
        List<AntctlNode> running = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            String peerId = answers.get(i).peerId();
            if (peerId == null) {
                return manager.survey();
            }
            running.add(AddedEntries.running(started.get(i), peerId));
        }
        return running;
    }

    /** The entries add reported (its ✓ names), as status shows them. */
    private List<AntctlNode> reported(AddRequest request, AddOutput output) {
        Set<ServiceName> names = Set.copyOf(output.added());
        List<AntctlNode> entries = client.status().stream().filter(n -> names.contains(n.service()))
                .sorted(Comparator.comparing(AntctlNode::service)).toList();
        if (!names.equals(names(entries))) {
            throw new AntctlException("antctl add reported " + sorted(names) + " as added but status --json shows "
                    + sorted(names(entries)), client.target(), client.dialect().add(request), 0, "", List.of());
        }
        return entries;
    }
}
