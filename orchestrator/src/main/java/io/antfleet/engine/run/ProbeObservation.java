package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.metrics.CarriedBodies;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.metrics.SweptNode;
import io.antfleet.probe.ContainerProbe;
import io.antfleet.probe.ProbeDocument;
import io.antfleet.probe.ProbeHost;
import io.antfleet.probe.ProbeRequest;
import io.antfleet.probe.ProbedAntnode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run loop's reading of antctl containers on hosts whose 127.0.0.1 is not ours: ONE {@code antfleet-probe}
 * exec per container per cycle reads every node's {@code /metrics} and {@code /metadata} inside the container
 * (probe_antnode.c) and the host's /proc and data volume; the bodies are judged by {@link CarriedBodies}, as the
 * direct sweep judges its own. Containers are probed {@link #PARALLEL} at a time on owned threads. A container whose
 * probe fails keeps its nodes' statuses and readings, and the cycle says so. Thread-safe; {@link #close()} ends the
 * threads.
 */
public final class ProbeObservation implements AutoCloseable {
    static final int PARALLEL = 8;

    private final ContainerProbe probe;
    private final CarriedBodies bodies = new CarriedBodies();
    private final ExecutorService workers;

    public ProbeObservation(ContainerProbe probe) {
        this.probe = requireNonNull(probe, "probe is null");
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "antfleet-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One container to read: its row, its node rows, and the host it runs on. */
    record Probed(Container container, List<Node> nodes, String host) {
    }

    /**
     * What the probes said: a sweep-like result per node id (only nodes a probe listed), each host's figures (one
     * per container that answered), and a note per container that could not be read.
     */
    record Readings(Map<Long, SweptNode> byNode, Map<String, List<ProbeHost>> hosts, List<String> notes, int execs) {
    }

    Readings read(List<Probed> containers) {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Probed p : containers) {
            futures.add(workers.submit(() -> probe(p)));
        }
        Map<Long, SweptNode> byNode = new HashMap<>();
        Map<String, List<ProbeHost>> hosts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            Probed p = containers.get(i);
            Outcome outcome = outcome(futures.get(i), p);
            if (outcome.document().isEmpty()) {
                notes.add(outcome.failure());
                continue;
            }
            ProbeDocument document = outcome.document().get();
            hosts.computeIfAbsent(p.host(), h -> new ArrayList<>()).add(document.host());
            document.refused().forEach(r -> notes.add(p.container().name() + "/" + r.label() + ": its probe answer was refused ("
                    + r.reason() + "); the other nodes were read"));
            for (Node n : p.nodes()) {
                Optional<ProbedAntnode> seen = readable(n) ? document.antnode(n.service().value()) : Optional.empty();
                seen.ifPresent(a -> byNode.put(n.id(), swept(p, n, a)));
            }
        }
        return new Readings(byNode, hosts, notes, containers.size());
    }

    private record Outcome(Optional<ProbeDocument> document, String failure) {
    }

    private Outcome probe(Probed p) {
        List<ProbeRequest.AntnodePort> ports = p.nodes().stream().filter(ProbeObservation::readable)
                .map(n -> new ProbeRequest.AntnodePort(n.service().value(), n.metricsPort())).toList();
        ProbeRequest request = new ProbeRequest(ports, ports.isEmpty() ? List.of() : CarriedBodies.KEEP,
                Optional.of(p.container().processManager().runsAsRoot() ? "/var/antctl" : "/home/ant"));
        try {
            return new Outcome(Optional.of(probe.probe(p.host(), p.container().name(), request)), null);
        } catch (AntfleetException e) {
            return new Outcome(Optional.empty(), failed(p, e.getMessage()));
        }
    }

    private static Outcome outcome(Future<Outcome> future, Probed p) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new Outcome(Optional.empty(), failed(p, String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("probing " + p.container().name() + " was interrupted", e);
        }
    }

    private static String failed(Probed p, String why) {
        String first = why == null ? "" : why.lines().findFirst().orElse("");
        return "container " + p.container().name() + " on host " + p.host() + " could not be probed, its nodes keep their"
                + " last statuses and readings: " + first;
    }

    private SweptNode swept(Probed p, Node n, ProbedAntnode a) {
        SweepTarget target = SweepTarget.local(p.container().name() + "/" + n.service().value(), n.metricsPort());
        return a.answered() ? bodies.read(target, a.metrics(), a.metadata()) : SweptNode.failed(target, a.failure());
    }

    /** The nodes a sweep would read: those with a metrics port that are neither DEAD nor DISABLED. */
    static boolean readable(Node n) {
        return n.metricsPort() != null && n.status() != NodeStatus.DEAD && n.status() != NodeStatus.DISABLED;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
