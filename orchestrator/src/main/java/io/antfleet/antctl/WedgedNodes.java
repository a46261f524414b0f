package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovery from a node whose RPC no longer answers. Real antctl refreshes its registry before start, stop,
 * remove, upgrade and reset by asking every running node over RPC; one that does not answer aborts the whole
 * command (ant-node-manager lib.rs:622 refresh_node_registry; ant-service-management src/error.rs:34-37), and
 * the error names an endpoint at best, never the node. So antctl itself cannot stop such a node. antfleet
 * finds it (the endpoint in the message, else the running nodes whose metrics do not answer), kills its
 * process where antctl runs, and runs the command once more; the next refresh then sees the node stopped.
 */
final class WedgedNodes {
    private static final Pattern ENDPOINT = Pattern.compile("Could not connect to RPC endpoint 'https?://[^:']+:(\\d+)'");

    private final AntctlClient client;
    private final LivenessProbe probe;

    WedgedNodes(AntctlClient client, LivenessProbe probe) {
        this.client = requireNonNull(client, "client is null");
        this.probe = requireNonNull(probe, "probe is null");
    }

    /** Runs the call; if a wedged node made antctl fail, kills that node and runs the call once more. */
    <T> T recovering(Supplier<T> call) {
        try {
            return call.get();
        } catch (AntctlException e) {
            if (!isRefreshFailure(e)) {
                throw e;
            }
            List<AntctlNode> wedged = find(e);
            if (wedged.isEmpty()) {
                throw e;
            }
            List<String> named = new ArrayList<>();
            for (AntctlNode node : wedged) {
                client.kill(node.pid());
                named.add(node.service().value() + " (pid " + node.pid() + ")");
            }
            try {
                return call.get();
            } catch (AntctlException again) {
                again.addSuppressed(e);
                throw new AntctlException(again.getMessage() + "; antfleet had killed node " + String.join(", ", named)
                        + ", whose RPC did not answer", client.target(), List.of("antctl"), again);
            }
        }
    }

    static boolean isRefreshFailure(AntctlException e) {
        String text = e.getMessage() + "\n" + e.stderrExcerpt();
        return text.contains("through RPC") || text.contains("Could not connect to RPC endpoint");
    }

    /** The running node at the endpoint antctl names, else every running node whose metrics do not answer. */
    private List<AntctlNode> find(AntctlException e) {
        List<AntctlNode> running = client.status().stream()
                .filter(n -> "Running".equals(n.antctlStatus()) && n.pid() != null).toList();
        Matcher m = ENDPOINT.matcher(e.getMessage() + "\n" + e.stderrExcerpt());
        if (m.find()) {
            int port = Integer.parseInt(m.group(1));
            return running.stream().filter(n -> n.rpcPort() != null && n.rpcPort() == port).toList();
        }
        return running.stream().filter(n -> n.metricsPort() != null && !probe.probe(n.metricsPort()).alive()).toList();
    }
}
