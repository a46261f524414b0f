package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.probe.ContainerProbe;
import io.antfleet.probe.ProbeDocument;
import io.antfleet.probe.ProbedNode;
import io.antfleet.store.NodeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readings of an ant container's nodes, which have no metrics endpoint: one {@code antfleet-probe} exec per
 * container per cycle ({@link ContainerProbe}). A live node's readings go to its row and the readings history in
 * one batched call, as the metrics sweep's do for antctl nodes; statuses stay the daemon's
 * ({@link AntRegistryWatch}). A probe that fails keeps the rows' last readings; a node the probe's answer got
 * wrong is refused alone, and the cycle says so.
 */
public final class AntReadings {
    private final ContainerProbe probe;
    private final NodeRepository nodes;

    @Inject
    public AntReadings(ContainerProbe probe, NodeRepository nodes) {
        this.probe = requireNonNull(probe, "probe is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    List<Node> read(Container container, List<Node> rows, Instant now, List<String> notes, boolean persist) {
        Optional<ProbeDocument> document = probe(container, notes);
        return document.isEmpty() ? rows : read(container, rows, document.get(), now, notes, persist);
    }

    /** The container's probe document; empty, with a note saying why, when the probe failed. */
    Optional<ProbeDocument> probe(Container container, List<String> notes) {
        try {
            return Optional.of(probe.probe(container.host(), container.name(), io.antfleet.probe.ProbeRequest.NONE));
        } catch (AntfleetException e) {
            notes.add(container.name() + ": its nodes could not be probed, their last readings are kept: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }

    /** The rows with the live nodes' readings from {@code document} (written when {@code persist}). */
    List<Node> read(Container container, List<Node> rows, ProbeDocument document, Instant now, List<String> notes,
            boolean persist) {
        document.refused().forEach(r -> notes.add(container.name() + "/" + r.label() + ": its probe answer was refused ("
                + r.reason() + "); the other nodes were read"));
        Map<Long, NodeReadings> readings = new HashMap<>();
        List<Node> out = new ArrayList<>();
        for (Node row : rows) {
            Optional<ProbedNode> seen = document.node(row.service().value());
            if (seen.isPresent() && seen.get().alive()) {
                readings.put(row.id(), seen.get().readings());
                row = row.withReadings(seen.get().readings());
            }
            out.add(row);
        }
        if (persist && !readings.isEmpty()) {
            nodes.recordReadings(readings, now);
        }
        return out;
    }
}
