package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.OperationJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions that moved without antfleet. antnode 0.4.x replaces itself about every 72 h (ant-node
 * src/bin/antnode/main.rs:491-545, antctl-contract.md "self-upgrade") and ant-node hourly (ant-v2-contract.md
 * §5.4); an operator may also run the tool by hand. antfleet's own upgrades write the new version on the row
 * in the unit of work that completes their journal entry (NodeLifecycle), so a row that disagrees with what
 * the node reports was moved by someone else, unless the node's latest journal entry is an upgrade whose
 * outcome never reached the rows (PENDING after a crash, FAILED part-way). Such a change is recorded once,
 * as a {@value #SELF_UPGRADE} decision (the rows then carry the new version), and never undone: antfleet does
 * not downgrade. One rule and one name for every node manager and every reader (import, apply, run, status).
 */
public final class VersionChanges {
    public static final String SELF_UPGRADE = "SELF_UPGRADE";
    /** How far back a container's journal is read for the entry naming a node (its latest, in practice). */
    static final int JOURNAL_LOOKBACK = 200;
    /** Journal intents that change no node. */
    private static final Pattern REASON = Pattern.compile(" upgraded itself from (\\S+) to (\\S+) ");
    private static final Set<String> READS = Set.of("import", "refuse-node-values");

    private final OperationJournal journal;
    private final DecisionLog log;

    /** A change as recorded, and when. */
    public record Recorded(VersionChange change, Instant at) {
        public Recorded {
            requireNonNull(change, "change is null");
        }
    }

    @Inject
    public VersionChanges(OperationJournal journal, DecisionLog log) {
        this.journal = requireNonNull(journal, "journal is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** Those of {@code seen} no journaled antfleet operation explains; all of them for a container without a row. */
    public List<VersionChange> uncaused(Long containerId, List<VersionChange> seen) {
        if (seen.isEmpty() || containerId == null) {
            return List.copyOf(seen);
        }
        List<Operation> recent = journal.recentOn(containerId, JOURNAL_LOOKBACK);
        return seen.stream().filter(c -> !upgradeWithoutOutcome(recent, c.service())).toList();
    }

    /**
     * Records the uncaused ones among {@code seen} in the decision log ({@value #SELF_UPGRADE}, NOT_RUN: antfleet
     * did nothing about it) and returns what to tell the operator, one line per node.
     *
     * @param binary the node binary's name, as the operator knows it ({@code antnode}, {@code ant-node})
     */
    public List<String> record(String container, Long containerId, String binary, List<VersionChange> seen, Instant now) {
        return record(container, containerId, binary, seen, now, true);
    }

    /** As {@link #record}, but with {@code persist} false (a dry run) only the notes are returned. */
    public List<String> record(String container, Long containerId, String binary, List<VersionChange> seen, Instant now,
            boolean persist) {
        List<VersionChange> changes = uncaused(containerId, seen);
        if (changes.isEmpty()) {
            return List.of();
        }
        List<DecisionRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (VersionChange c : changes) {
            String reason = reason(binary, c);
            records.add(new DecisionRecord(null, now, SELF_UPGRADE, container, containerId, List.of(c.service().value()), 1,
                    reason, "NOT_RUN", null));
            notes.add(container + "/" + c.service().value() + ": " + reason);
        }
        if (persist) {
            log.record(records);
        }
        return notes;
    }

    /** What the decision log and the notes say of one change. */
    public static String reason(String binary, VersionChange c) {
        return binary + " upgraded itself from " + c.from() + " to " + c.to()
                + " (no antfleet operation did it: recorded, not undone)";
    }

    /**
     * The latest recorded change of each node of the container row {@code containerId} (none for a container without
     * a row), from the decision log. By the row, not the Docker name: another host's container of the same name has
     * its own nodes and its own history.
     */
    public Map<ServiceName, Recorded> recorded(Long containerId) {
        Map<ServiceName, Recorded> latest = new HashMap<>();
        if (containerId == null) {
            return latest;
        }
        for (DecisionRecord d : log.recentOf(SELF_UPGRADE, containerId, JOURNAL_LOOKBACK)) {
            VersionChange c = parse(d);
            if (c != null) {
                latest.putIfAbsent(c.service(), new Recorded(c, d.decidedAt()));
            }
        }
        return latest;
    }

    /** The change a record names, read back from its reason; null for one it does not name (cut, or foreign). */
    private static VersionChange parse(DecisionRecord d) {
        Matcher m = REASON.matcher(d.reason());
        if (d.services().size() != 1 || !m.find()) {
            return null;
        }
        try {
            return new VersionChange(ServiceName.of(d.services().get(0)), m.group(1), m.group(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the latest journal entry that changed the node ({@code import} and refusals only read) is an
     * upgrade ({@code upgrade}, {@code node-upgrade}) whose outcome the rows never got.
     */
    private static boolean upgradeWithoutOutcome(List<Operation> newestFirst, ServiceName service) {
        for (Operation o : newestFirst) {
            if (READS.contains(o.intent())) {
                continue;
            }
            boolean upgrade = o.intent().endsWith("upgrade");
            if (o.services().contains(service.value()) || upgrade && o.services().isEmpty()) {
                return upgrade && o.state() != OperationState.DONE;
            }
        }
        return false;
    }
}
