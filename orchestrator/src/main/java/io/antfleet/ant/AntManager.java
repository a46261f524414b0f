package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.PerImage;
import io.antfleet.nodemanager.RegisteredNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Drives {@code ant node} 0.2 in one container (ant-v2-contract.md): the registry file and
 * {@code status --json} for the survey, the CLI for add, start, stop and reset, the daemon's
 * {@code DELETE /api/v1/nodes/{id}} through the image's curl for removal (there is no CLI for it, §2), then
 * the node's directories, which DELETE keeps (§4.2). Calls are serialised; the daemon is started (§6) before
 * anything that needs it. ant has no upgrade command: its nodes upgrade themselves (§5.4).
 */
public final class AntManager implements NodeManager {
    private final AntExec exec;
    private final AntSettings settings;
    private final AntDaemon daemon;
    private final PerImage<String> versions;
    private final AntPopulator populator;
    private String version;

    public AntManager(AntExec exec, AntSettings settings) {
        this(exec, settings, new PerImage<>());
    }

    /** With the ant versions other managers read for their images ({@code versions}), shared. */
    public AntManager(AntExec exec, AntSettings settings, PerImage<String> versions) {
        this.exec = requireNonNull(exec, "exec is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.versions = requireNonNull(versions, "versions is null");
        this.daemon = new AntDaemon(exec, settings);
        this.populator = new AntPopulator(this, exec, settings);
    }

    @Override
    public String target() {
        return exec.target();
    }

    /**
     * {@code ant --version}, refused unless it is a version whose dialect antfleet speaks (§7 #15); asked once per
     * image (the containers of one image run one ant).
     */
    @Override
    public synchronized String toolVersion() {
        if (version == null) {
            Optional<String> image = exec.imageId();
            version = image.isPresent() ? versions.get(image.get(), this::askVersion) : askVersion();
        }
        return version;
    }

    private String askVersion() {
        List<String> args = List.of("--version");
        ExecResult r = exec.ant(args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("ant --version failed", "ant", args, r);
        }
        String v;
        try {
            v = AntJson.version(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed(e.getMessage(), "ant", args, r);
        }
        if (!settings.knownVersions().contains(v)) {
            throw new AntException("ant " + v + " is not a version antfleet knows (it knows "
                    + settings.knownVersions().stream().sorted().collect(Collectors.joining(", "))
                    + "); refusing to guess its commands", exec.target(), List.of("ant", "--version"), 0, r.stdout());
        }
        return v;
    }

    @Override
    public synchronized List<AntNode> survey() {
        toolVersion();
        List<AntNode> registry = registry();
        if (registry.isEmpty()) {
            return registry;
        }
        List<String> args = List.of("node", "status", "--json");
        ExecResult r = exec.ant(args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("ant node status failed", "ant", args, r);
        }
        List<AntNode> merged;
        try {
            merged = AntJson.merge(registry, AntJson.status(r.stdout()));
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant node status printed something antfleet cannot read: " + e.getMessage(), "ant", args, r);
        }
        return merged.stream().map(this::withLiveness).toList();
    }

    /**
     * An {@code upgrade_scheduled} node's pid may be dead for good (an adopted node that upgraded, §3.8): its pid
     * is checked with {@code kill -0} (the only case, rare) and dropped when dead, so that a caller can tell.
     */
    private AntNode withLiveness(AntNode n) {
        if (!"upgrade_scheduled".equals(n.managerStatus()) || n.pid() == null) {
            return n;
        }
        ExecResult r = exec.run("kill", List.of("-0", Integer.toString(n.pid())), settings.call());
        return r.succeeded() ? n : n.withRuntime(n.managerStatus(), null, null, n.pendingVersion());
    }

    /** Adds on the request's ports through the daemon; a failed add still reports the entries it made. */
    @Override
    public synchronized List<AntNode> add(AddNodesRequest request, Consumer<List<? extends RegisteredNode>> added) {
        toolVersion();
        List<AntNode> before = registry();
        daemon.ensureRunning(before);
        return addThroughDaemon(request, before, added);
    }

    /**
     * {@link NodeManager#populate}: the daemon started without asking first ({@link AntDaemon#startFresh}), then
     * {@link AntPopulator}'s fresh path. A daemon or nodes that outlived an earlier container on the volume: what
     * add, start and survey do.
     */
    @Override
    public synchronized List<AntNode> populate(List<AddNodesRequest> requests,
            Consumer<List<? extends RegisteredNode>> added) {
        toolVersion();
        if (!daemon.startFresh()) {
            return NodeManager.super.populate(requests, added).stream().map(AntNode.class::cast).toList();
        }
        return populator.populateFresh(requests, added);
    }

    /** Adds through the running daemon; {@code added} hears the new entries, also those of a failed add. */
    List<AntNode> addThroughDaemon(AddNodesRequest request, List<AntNode> before,
            Consumer<List<? extends RegisteredNode>> added) {
        List<String> args = AntArguments.add(request);
        ExecResult r = exec.ant(args, settings.call().plus(Duration.ofSeconds(2L * request.count())));
        if (!r.succeeded()) {
            AntException failed = exec.failed("ant node add failed", "ant", args, r);
            Set<Integer> old = before.stream().map(AntNode::id).collect(Collectors.toSet());
            List<AntNode> fresh = registry().stream().filter(n -> !old.contains(n.id())).toList();
            added.accept(fresh);
            throw failed;
        }
        List<AntNode> nodes;
        try {
            nodes = AntJson.added(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant node add printed something antfleet cannot read: " + e.getMessage(), "ant", args, r);
        }
        added.accept(nodes);
        return nodes;
    }

    /** Per node; a node already running is started (the 409's current_state says running, §7 #2). */
    @Override
    public synchronized void start(List<ServiceName> services) {
        daemon.ensureRunning(registry());
        for (ServiceName s : services) {
            List<String> args = List.of("node", "start", "--json", "--service-name", antName(s));
            ExecResult r = exec.ant(args, settings.perNode());
            if (!r.succeeded() && !r.stderr().contains("\"status\":\"running\"")) {
                throw exec.failed("ant node start of " + s + " failed", "ant", args, r);
            }
        }
    }

    /** Per node; a node that is not running is stopped (§7 #2). */
    @Override
    public synchronized void stop(List<ServiceName> services) {
        daemon.ensureRunning(registry());
        for (ServiceName s : services) {
            List<String> args = List.of("node", "stop", "--json", "--service-name", antName(s));
            ExecResult r = exec.ant(args, settings.perNode());
            if (!r.succeeded() && !r.stderr().contains("is not running")) {
                throw exec.failed("ant node stop of " + s + " failed", "ant", args, r);
            }
        }
    }

    /** ant has no restart (§2): stop, then start. */
    @Override
    public synchronized void restart(List<ServiceName> services) {
        stop(services);
        start(services);
    }

    /** Stop, DELETE each entry (a 404 is already gone), then delete its directories unless kept. */
    @Override
    public synchronized void remove(List<ServiceName> services, boolean keepDirectories) {
        List<AntNode> registry = registry();
        int port = daemon.ensureRunning(registry);
        stop(services);
        for (ServiceName s : services) {
            int id = idOf(s);
            Optional<AntNode> entry = registry.stream().filter(n -> n.id() == id).findFirst();
            delete(port, id);
            if (!keepDirectories && entry.isPresent() && entry.get().isUsable()) {
                deleteDirectories(entry.get());
            }
        }
    }

    private void delete(int port, int id) {
        List<String> args = List.of("-sS", "-m", Long.toString(settings.call().toSeconds()), "-X", "DELETE",
                "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:" + port + "/api/v1/nodes/" + id);
        ExecResult r = exec.run("curl", args, settings.call());
        String code = r.stdout().strip();
        if (!r.succeeded() || !(code.equals("200") || code.equals("404"))) {
            throw exec.failed("DELETE /api/v1/nodes/" + id + " answered " + (code.isEmpty() ? "nothing" : code), "curl",
                    args, r);
        }
    }

    private void deleteDirectories(AntNode n) {
        List<String> args = new ArrayList<>(List.of("-rf", "--", AntArguments.nodeDirectory(n.dataDir())));
        if (n.logDir() != null) {
            args.add(AntArguments.nodeDirectory(n.logDir()));
        }
        ExecResult r = exec.run("rm", args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("deleting the directories of node" + n.id() + " failed", "rm", args, r);
        }
    }

    /** None: ant-node upgrades itself (§5.4). */
    @Override
    public Optional<NodeUpgrader> upgrader() {
        return Optional.empty();
    }

    /** Stop every node, then {@code reset --json} (no prompt with --json, §2.6): data and logs go, numbering restarts. */
    @Override
    public synchronized void reset() {
        toolVersion();
        daemon.ensureRunning(registry());
        for (List<String> args : List.of(List.of("node", "stop", "--json"), List.of("node", "reset", "--json"))) {
            ExecResult r = exec.ant(args, settings.call().plus(settings.perNode().multipliedBy(registry().size())));
            if (!r.succeeded()) {
                throw exec.failed("ant " + String.join(" ", args) + " failed", "ant", args, r);
            }
        }
    }

    /** {@code <D>/node_registry.json}; none yet is an empty registry (§4.2). */
    private List<AntNode> registry() {
        List<String> args = List.of(daemon.dataHome() + "/node_registry.json");
        ExecResult r = exec.run("cat", args, settings.call());
        if (!r.succeeded()) {
            if (r.stderr().contains("No such file")) {
                return List.of();
            }
            throw exec.failed("reading ant's registry failed", "cat", args, r);
        }
        try {
            return AntJson.registry(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant's registry is not what antfleet can read: " + e.getMessage(), "cat", args, r);
        }
    }

    private static String antName(ServiceName s) {
        idOf(s);
        return s.value();
    }

    private static int idOf(ServiceName s) {
        if (!s.prefix().equals(ServiceName.ANT_PREFIX)) {
            throw new IllegalArgumentException("'" + s + "' is not an ant node service (expected node<N>)");
        }
        return s.number();
    }
}
