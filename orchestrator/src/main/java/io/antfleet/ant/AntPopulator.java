package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.RegisteredNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link NodeManager#populate} for {@code ant node} once its daemon started fresh: the registry not read, and, when
 * the new ids are 1..N (next_id was 1: the registry was empty, §4.2), one start-all ({@code node start --json},
 * §2.3), whose result says each node's pid. Otherwise start and survey. Called by its manager, which holds the
 * container's lock throughout.
 */
final class AntPopulator {
    private final AntManager manager;
    private final AntExec exec;
    private final AntSettings settings;

    AntPopulator(AntManager manager, AntExec exec, AntSettings settings) {
        this.manager = requireNonNull(manager, "manager is null");
        this.exec = requireNonNull(exec, "exec is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    List<AntNode> populateFresh(List<AddNodesRequest> requests, Consumer<List<? extends RegisteredNode>> added) {
        List<AntNode> mine = new ArrayList<>();
        for (AddNodesRequest request : requests) {
            mine.addAll(manager.addThroughDaemon(request, mine, added));
        }
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i).id() != i + 1) {
                manager.start(mine.stream().map(AntNode::service).toList());
                return manager.survey();
            }
        }
        return startAll(mine);
    }

    /** {@code node start --json} of every node, which are {@code mine}; a node that failed fails the call. */
    private List<AntNode> startAll(List<AntNode> mine) {
        List<String> args = List.of("node", "start", "--json");
        ExecResult r = exec.ant(args, settings.call().plus(settings.perNode().multipliedBy(mine.size())));
        if (!r.succeeded()) {
            throw exec.failed("ant node start failed", "ant", args, r);
        }
        AntJson.StartAll result;
        try {
            result = AntJson.startAll(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant node start printed something antfleet cannot read: " + e.getMessage(), "ant", args, r);
        }
        if (!result.failed().isEmpty()) {
            throw exec.failed("ant node start failed for " + String.join("; ", result.failed()), "ant", args, r);
        }
        List<AntNode> running = new ArrayList<>();
        for (AntNode n : mine) {
            if (!result.started().containsKey(n.id()) && !result.alreadyRunning().contains(n.id())) {
                return manager.survey(); // start-all did not name it: the registry is not what this call made
            }
            running.add(n.withRuntime("running", result.started().get(n.id()), null, null));
        }
        return running;
    }
}
