package io.antfleet.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulated antnode self-upgrade. The real antnode 0.4.x checks for a release about every 72 h (±5 %),
 * replaces its own binary and restarts (or stops, with {@code --stop-on-upgrade}, and its service manager
 * restarts it): ant-node {@code src/bin/antnode/main.rs:494-530}. The next refresh then finds the node under
 * a new pid (lib.rs:682-716) and reads the version from the running binary (ant-service-management
 * src/node/mod.rs:265-291), with no antctl command in between.
 *
 * <p>Trigger: a file {@code self-upgrade} in a running node's data dir holding the version to move to (one of
 * the stand-in's "downloadable" versions). The next command that refreshes does the replacement and restart.
 */
final class SelfUpgrade {
    static final String TRIGGER = "self-upgrade";

    private final Context ctx;
    private final Registry registry;

    SelfUpgrade(Context ctx, Registry registry) {
        this.ctx = ctx;
        this.registry = registry;
    }

    /** Returns true when the node moved to a new version and pid. */
    boolean apply(NodeEntry node) {
        Path trigger = Path.of(node.text("data_dir_path")).resolve(TRIGGER);
        if (node.status() != NodeEntry.Status.Running || !Files.exists(trigger)) {
            return false;
        }
        try {
            String version = Files.readString(trigger, StandardCharsets.UTF_8).trim();
            Path binary = ctx.env().distDir().resolve(version).resolve("antnode");
            Files.delete(trigger);
            if (!Files.isExecutable(binary)) {
                return false;
            }
            ctx.nodes().terminate(node.integer("pid"), node.text("antnode_path"));
            node.markStopped();
            Binaries.install(new Binaries.Source(binary, version), Path.of(node.text("antnode_path")));
            node.set("version", version);
            new NodeStarter(ctx, registry).start(node, false, 0);
            return true;
        } catch (IOException e) {
            throw new Failure("The stand-in could not simulate the self-upgrade of " + node.serviceName() + ": "
                    + e.getMessage());
        }
    }
}
