package io.antfleet.standin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code antctl upgrade} (cmd/node.rs:453-600): banner, "download", full refresh, the "all at the latest version"
 * check over every registry entry, then per selected node; the summary lines are cmd/mod.rs:100-132.
 */
final class UpgradeCommand {
    private final Context ctx;

    UpgradeCommand(Context ctx) {
        this.ctx = ctx;
    }

    int run(ParsedArgs args) {
        Registry registry = ctx.registry();
        // cmd/node.rs:470: a custom binary (--path) always forces, whatever its version.
        boolean force = args.has("force") || args.value("path").isPresent();
        ctx.banner("Upgrade Antnode Services");
        Binaries.Source source = Binaries.resolve(args, ctx);
        ctx.fullRefresh(registry);
        if (!args.values("env").isEmpty()) {
            registry.environmentVariables(AddCommand.envPairs(args.values("env")));
            registry.save();
        }
        // cmd/node.rs:504-523: every entry counts, Removed ones and unselected ones included.
        if (!force && registry.nodes().stream().allMatch(n -> Binaries.compare(source.version(), n.text("version")) <= 0)) {
            ctx.out().println("✓ All nodes are at the latest version");
            return 0;
        }
        List<NodeEntry> selected = Selector.select(registry, args);
        List<String> summary = new ArrayList<>();
        boolean failed = false;
        for (NodeEntry node : selected) {
            String from = node.text("version");
            if (!force && Binaries.compare(source.version(), from) <= 0) {
                summary.add("- " + node.serviceName() + " did not require an upgrade");
                continue;
            }
            String line = upgradeOne(registry, node, source, args, force);
            failed |= line.startsWith("✕");
            summary.add(line);
            // cmd/node.rs:560-566: the interval follows each node that needed an upgrade.
            if (args.has("interval")) {
                NodeControl.pause(args.number("interval", 0));
            }
        }
        ctx.out().println("Upgrade summary:");
        summary.forEach(ctx.out()::println);
        if (failed) {
            throw new Failure("There was a problem upgrading one or more nodes", "For any services that were "
                    + "upgraded but did not start, you can attempt to start them again using the 'start' command.");
        }
        return 0;
    }

    /** One node's summary line (cmd/mod.rs:107-130). */
    private String upgradeOne(Registry registry, NodeEntry node, Binaries.Source source, ParsedArgs args,
                              boolean force) {
        String name = node.serviceName();
        String from = node.text("version");
        String to = source.version();
        try {
            if (node.status() == NodeEntry.Status.Running) {
                ctx.nodes().terminate(node.integer("pid"), node.text("antnode_path"));
                node.markStopped();
            }
            Binaries.install(source, Path.of(node.text("antnode_path")));
            node.set("version", to);
            registry.save();
        } catch (IOException | RuntimeException e) {
            registry.save();
            return "✕ " + name + " was not upgraded: Error: " + e.getMessage();
        }
        if (!args.has("do-not-start")) {
            try {
                new NodeStarter(ctx, registry).start(node, !args.has("interval"), args.number("connection-timeout", 300));
            } catch (Failure e) {
                registry.save();
                return "✕ " + name + " was upgraded from " + from + " to " + to + " but it did not start";
            }
        }
        return force ? "✓ Forced " + name + " version change from " + from + " to " + to + "."
                : "✓ " + name + " upgraded from " + from + " to " + to;
    }
}
