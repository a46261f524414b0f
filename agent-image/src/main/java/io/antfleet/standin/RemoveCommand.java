package io.antfleet.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code antctl remove} and {@code antctl reset}: entries stay as Removed; only reset deletes the registry. */
final class RemoveCommand {
    private final Context ctx;

    RemoveCommand(Context ctx) {
        this.ctx = ctx;
    }

    int remove(ParsedArgs args) {
        Registry registry = ctx.registry();
        // cmd/node.rs:202-225: banner, full refresh (aborts on a node that does not answer), then the selection
        ctx.banner("Remove Antnode Services");
        ctx.fullRefresh(registry);
        List<NodeEntry> selected = Selector.select(registry, args);
        List<String> failures = new ArrayList<>();
        for (NodeEntry node : selected) {
            if (node.status() == NodeEntry.Status.Running) {
                failures.add("✕ " + node.serviceName() + ": Unable to remove a running service ["
                        + node.serviceName() + "], stop this service first before removing");
                continue;
            }
            try {
                removeOne(registry, node, args.has("keep-directories"));
            } catch (IOException | RuntimeException e) {
                failures.add("✕ " + node.serviceName() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            ctx.out().println("Failed to remove " + failures.size() + " service(s):");
            failures.forEach(ctx.out()::println);
            throw new Failure("Failed to remove one or more services");
        }
        return 0;
    }

    /** cmd/node.rs:257-294: banner, the prompt, then stop and remove (each with its full refresh), then the file. */
    int reset(ParsedArgs args) {
        ctx.banner("Reset Antnode Services");
        if (!args.has("force")) {
            ctx.out().println("WARNING: all antnode services, data, and logs will be removed.");
            ctx.out().println("Do you wish to proceed? [y/n]");
            String answer = readLine();
            if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
                ctx.out().println("Reset aborted");
                return 0;
            }
        }
        Registry registry = ctx.registry();
        ctx.fullRefresh(registry);
        for (NodeEntry node : registry.nodes()) {
            if (node.status() != NodeEntry.Status.Removed) {
                StopCommand.stop(ctx, registry, node);
            }
        }
        for (NodeEntry node : registry.nodes()) {
            if (node.status() != NodeEntry.Status.Removed) {
                try {
                    removeOne(registry, node, false);
                } catch (IOException e) {
                    throw new Failure("Failed to remove " + node.serviceName() + ": " + e.getMessage());
                }
            }
        }
        registry.delete();
        return 0;
    }

    private void removeOne(Registry registry, NodeEntry node, boolean keepDirectories) throws IOException {
        if (!keepDirectories) {
            deleteTree(Path.of(node.text("data_dir_path")));
            deleteTree(Path.of(node.text("log_dir_path")));
        }
        node.status(NodeEntry.Status.Removed);
        node.set("pid", null);
        node.set("connected_peers", null);
        registry.save();
        ctx.out().println("✓ Service " + node.serviceName() + " was removed");
    }

    private String readLine() {
        try {
            return ctx.in().readLine();
        } catch (IOException e) {
            return null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
