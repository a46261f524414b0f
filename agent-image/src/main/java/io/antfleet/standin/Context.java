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
     * Running entries whose process is gone become Stopped (a killed node, a crashed one); saves if anything
     * changed. This is all {@code status --json} refreshes.
     */
    boolean refresh(Registry registry) {
        boolean changed = false;
        for (NodeEntry node : registry.nodes()) {
            if (node.status() == NodeEntry.Status.Running
                    && !nodes.isAlive(node.integer("pid"), node.text("antnode_path"))) {
                node.markStopped();
                changed = true;
            }
        }
        if (changed) {
            registry.save();
        }
        return changed;
    }
}
