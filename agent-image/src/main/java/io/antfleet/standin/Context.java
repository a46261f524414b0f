package io.antfleet.standin;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Objects;

/** What a subcommand runs with: where things live, where output goes, and the node processes. */
record Context(Environment env, PrintStream out, PrintStream err, BufferedReader in, NodeControl nodes) {
    Context {
        Objects.requireNonNull(env, "env is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(err, "err is null");
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(nodes, "nodes is null");
    }

    Registry registry() {
        return Registry.load(env.registryPath());
    }

    /** antctl's banner: a box two characters wider than the padded text. */
    void banner(String text) {
        int width = text.length() + 4;
        String rule = "═".repeat(width + 2);
        int left = (width - text.length()) / 2;
        out.println("╔" + rule + "╗");
        out.println("║ " + " ".repeat(left) + text + " ".repeat(width - text.length() - left) + " ║");
        out.println("╚" + rule + "╝");
    }

    /**
     * What {@code status --json} refreshes (lib.rs:622 {@code refresh_node_registry} with
     * {@code full_refresh=false}): process liveness only, plus a simulated self-upgrade. Saves if anything changed.
     */
    boolean refresh(Registry registry) {
        boolean changed = false;
        for (NodeEntry node : registry.nodes()) {
            if (node.status() == NodeEntry.Status.Running
                    && !nodes.isAlive(node.integer("pid"), node.text("antnode_path"))) {
                node.markStopped();
                changed = true;
            }
            changed |= new SelfUpgrade(this, registry).apply(node);
        }
        if (changed) {
            registry.save();
        }
        return changed;
    }

    /**
     * The refresh that start, stop, remove, upgrade, reset and the table status run first
     * ({@code full_refresh=true}): liveness, then every running node is asked over RPC for its node and network
     * info (ant-service-management src/node/mod.rs:201-222, one attempt each: lib.rs:658). One node that does
     * not answer aborts the whole command with the RPC error, which names the endpoint, not the node
     * (ant-service-management src/error.rs:34-37).
     */
    void fullRefresh(Registry registry) {
        refresh(registry);
        for (NodeEntry node : registry.nodes()) {
            if (node.status() != NodeEntry.Status.Running) {
                continue;
            }
            NodeProbe.Answer answer = NodeProbe.ask(node.rpcPort(), "/metadata");
            if (answer == NodeProbe.Answer.REFUSED) {
                throw new Failure("Could not connect to RPC endpoint 'https://" + node.text("rpc_socket_addr") + "'");
            }
            if (answer == NodeProbe.Answer.SILENT) {
                throw new Failure("Could not obtain node info through RPC: status: Cancelled, message: "
                        + "\"Timeout expired\", details: [], metadata: MetadataMap { headers: {} }");
            }
        }
    }
}
