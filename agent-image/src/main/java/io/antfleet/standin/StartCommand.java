package io.antfleet.standin;

import java.util.ArrayList;
import java.util.List;

/** {@code antctl start}: per node, blocking for peers unless {@code --interval}; failures collected, then exit 1. */
final class StartCommand {
    private final Context ctx;

    StartCommand(Context ctx) {
        this.ctx = ctx;
    }

    int run(ParsedArgs args) {
        Registry registry = ctx.registry();
        // cmd/node.rs (start): banner, full refresh (aborts on a node that does not answer), then the selection
        ctx.banner("Start Antnode Services");
        ctx.fullRefresh(registry);
        List<NodeEntry> selected = Selector.select(registry, args);
        NodeStarter starter = new NodeStarter(ctx, registry);
        boolean interval = args.has("interval");
        long timeout = args.number("connection-timeout", 300);
        List<String> failures = new ArrayList<>();
        for (NodeEntry node : selected) {
            if (node.status() == NodeEntry.Status.Running) {
                ctx.out().println("The " + node.serviceName() + " service is already running");
                continue;
            }
            if (interval) {
                NodeControl.pause(args.number("interval", 0));
            }
            ctx.out().println("Attempting to start " + node.serviceName() + "...");
            try {
                starter.start(node, !interval, timeout);
                ctx.out().println("✓ Started " + node.serviceName() + " service");
                // lib.rs:143-161
                ctx.out().println("  - PID: " + node.text("pid"));
                ctx.out().println("  - Bin path: " + node.text("antnode_path"));
                ctx.out().println("  - Data path: " + node.text("data_dir_path"));
                ctx.out().println("  - Logs path: " + node.text("log_dir_path"));
            } catch (Failure e) {
                registry.save();
                failures.add("✕ " + node.serviceName() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            ctx.out().println("Failed to start " + failures.size() + " service(s):");
            failures.forEach(ctx.out()::println);
            throw new Failure("Failed to start one or more services");
        }
        return 0;
    }
}
