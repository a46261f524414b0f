package io.antfleet.standin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code antctl upgrade}: replaces the binary of nodes below the target version (any version with --force). */
final class UpgradeCommand {
    private final Context ctx;

    UpgradeCommand(Context ctx) {
        this.ctx = ctx;
    }

    int run(ParsedArgs args) {
        Registry registry = ctx.registry();
        List<NodeEntry> selected = Selector.select(registry, args);
        ctx.refresh(registry);
        ctx.banner("Upgrade Antnode Services");
        Binaries.Source source = Binaries.resolve(args, ctx);
        boolean force = args.has("force");
        if (!args.values("env").isEmpty()) {
            registry.environmentVariables(AddCommand.envPairs(args.values("env")));
            registry.save();
        }
        if (!force && selected.stream().allMatch(n -> Binaries.compare(source.version(), n.text("version")) <= 0)) {
            ctx.out().println("✓ All nodes are at the latest version");
            return 0;
        }
        List<String> summary = new ArrayList<>();
        boolean failed = false;
        boolean first = true;
        for (NodeEntry node : selected) {
            String from = node.text("version");
            if (!force && Binaries.compare(source.version(), from) <= 0) {
                summary.add("- " + node.serviceName() + " did not require an upgrade");
                continue;
            }
            if (args.has("interval") && !first) {
                NodeControl.pause(args.number("interval", 0));
            }
            first = false;
            try {
                upgradeOne(registry, node, source, args);
                summary.add(force
                        ? "✓ Forced " + node.serviceName() + " version change from " + from + " to " + source.version() + "."
                        : "✓ " + node.serviceName() + " upgraded from " + from + " to " + source.version());
            } catch (IOException | RuntimeException e) {
                failed = true;
                summary.add("✕ " + node.serviceName() + " was not upgraded: " + e.getMessage());
            }
        }
        ctx.out().println("Upgrade summary:");
        summary.forEach(ctx.out()::println);
        if (failed) {
            throw new Failure("There was a problem upgrading one or more nodes");
        }
        return 0;
    }

    private void upgradeOne(Registry registry, NodeEntry node, Binaries.Source source, ParsedArgs args)
            throws IOException {
        if (node.status() == NodeEntry.Status.Running) {
            ctx.nodes().terminate(node.integer("pid"), node.text("antnode_path"));
            node.markStopped();
        }
        Binaries.install(source, Path.of(node.text("antnode_path")));
        node.set("version", source.version());
        registry.save();
        if (!args.has("do-not-start")) {
            new NodeStarter(ctx, registry).start(node, !args.has("interval"), args.number("connection-timeout", 300));
        }
    }
}
