package io.antfleet.standin;

import java.util.ArrayList;
import java.util.List;

/** {@code antctl stop}: SIGTERM per node; keeps peer_id, clears pid and connected_peers. */
final class StopCommand {
    private final Context ctx;

    StopCommand(Context ctx) {
        this.ctx = ctx;
    }

    int run(ParsedArgs args) {
        Registry registry = ctx.registry();
        // cmd/node.rs (stop): banner, full refresh (aborts on a node that does not answer), then the selection
        ctx.banner("Stop Antnode Services");
        ctx.fullRefresh(registry);
        List<NodeEntry> selected = Selector.select(registry, args);
        List<String> failures = new ArrayList<>();
        boolean first = true;
        for (NodeEntry node : selected) {
            if (args.has("interval") && !first) {
                NodeControl.pause(args.number("interval", 0));
            }
            first = false;
            try {
                stop(ctx, registry, node);
            } catch (RuntimeException e) {
                failures.add("✕ " + node.serviceName() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            ctx.out().println("Failed to stop " + failures.size() + " service(s):");
            failures.forEach(ctx.out()::println);
            throw new Failure("Failed to stop one or more services");
        }
        return 0;
    }

    static void stop(Context ctx, Registry registry, NodeEntry node) {
        switch (node.status()) {
            case Added:
                ctx.out().println("Service " + node.serviceName() + " has not been started since it was installed");
                return;
            case Stopped:
            case Removed:
                ctx.out().println("✓ Service " + node.serviceName() + " was already stopped");
                return;
            default:
                int pid = node.integer("pid");
                ctx.out().println("Attempting to stop " + node.serviceName() + "..."); // lib.rs:194
                ctx.nodes().terminate(pid, node.text("antnode_path"));
                node.markStopped();
                registry.save();
                ctx.out().println("✓ Service " + node.serviceName() + " with PID " + pid + " was stopped");
        }
    }
}
