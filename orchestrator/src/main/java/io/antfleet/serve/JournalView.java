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
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("decisions");
        for (DecisionRecord d : decisions.recent(clamp(limit))) {
            ObjectNode o = list.addObject();
            o.put("id", d.id());
            o.put("decidedAt", d.decidedAt().toString());
            o.put("action", d.action());
            o.put("container", d.container());
            d.services().forEach(o.putArray("services")::add);
            o.put("count", d.count());
            o.put("reason", d.reason());
            o.put("outcome", d.outcome());
            o.put("error", d.error());
        }
        return root;
    }

    public ObjectNode operations(int limit) {
        Map<Long, String> names = containers.findAll().stream()
                .collect(Collectors.toMap(Container::id, Container::name, (a, b) -> a));
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("operations");
        for (Operation op : journal.recent(clamp(limit))) {
            ObjectNode o = list.addObject();
            o.put("id", op.id());
            o.put("intent", op.intent());
            o.put("container", op.containerId() == null ? null : names.get(op.containerId()));
            op.services().forEach(o.putArray("services")::add);
            o.put("state", op.state().name());
            o.put("attempts", op.attempts());
            o.put("startedAt", FleetView.text(op.startedAt()));
            o.put("finishedAt", FleetView.text(op.finishedAt()));
            o.put("error", op.error());
        }
        return root;
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
