package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Operation;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.OperationJournal;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /api/v1/decisions} and {@code /api/v1/operations}: the newest first, at most {@code limit}. */
public final class JournalView {
    static final int MAX_LIMIT = 1000;

    private final DecisionLog decisions;
    private final OperationJournal journal;
    private final ContainerRepository containers;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public JournalView(DecisionLog decisions, OperationJournal journal, ContainerRepository containers) {
        this.decisions = requireNonNull(decisions, "decisions is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    public ObjectNode decisions(int limit) {
        Map<Long, Container> rows = byId();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("decisions");
        for (DecisionRecord d : decisions.recent(clamp(limit))) {
            ObjectNode o = list.addObject();
            o.put("id", d.id());
            o.put("decidedAt", d.decidedAt().toString());
            o.put("action", d.action());
            o.put("container", d.container());
            // the container's host: two hosts may each have a container of that name
            o.put("host", d.containerId() == null || !rows.containsKey(d.containerId()) ? null : rows.get(d.containerId()).host());
            d.services().forEach(o.putArray("services")::add);
            o.put("count", d.count());
            o.put("reason", d.reason());
            o.put("outcome", d.outcome());
            o.put("error", d.error());
        }
        return root;
    }

    public ObjectNode operations(int limit) {
        Map<Long, Container> rows = byId();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("operations");
        for (Operation op : journal.recent(clamp(limit))) {
            ObjectNode o = list.addObject();
            o.put("id", op.id());
            o.put("intent", op.intent());
            Container c = op.containerId() == null ? null : rows.get(op.containerId());
            o.put("container", c == null ? null : c.name());
            o.put("host", c == null ? null : c.host());
            op.services().forEach(o.putArray("services")::add);
            o.put("state", op.state().name());
            o.put("attempts", op.attempts());
            o.put("startedAt", FleetView.text(op.startedAt()));
            o.put("finishedAt", FleetView.text(op.finishedAt()));
            o.put("error", op.error());
        }
        return root;
    }

    private Map<Long, Container> byId() {
        return containers.findAll().stream().collect(Collectors.toMap(Container::id, c -> c, (a, b) -> a));
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
