package io.antfleet.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts one node the way the real start does: without an interval it blocks until the node reports more
 * than 5 connected peers or the connection timeout runs out; a node that dies meanwhile is a failure.
 */
final class NodeStarter {
    private static final int ENOUGH_PEERS = 5;
    private static final long POLL_MS = 25;
    private static final long PEER_ID_WAIT_MS = 5_000;

    private final Context ctx;
    private final Registry registry;

    NodeStarter(Context ctx, Registry registry) {
        this.ctx = ctx;
        this.registry = registry;
    }

    /** Starts the node and records it as Running; throws a Failure with the per-node reason otherwise. */
    void start(NodeEntry node, boolean waitForPeers, long timeoutSeconds) {
        Process process = ctx.nodes().spawn(node, environment());
        int rpc = node.rpcPort();
        long deadline = System.currentTimeMillis() + (waitForPeers ? timeoutSeconds * 1000 : PEER_ID_WAIT_MS);
        int peers = 0;
        String peerId = null;
        while (true) {
            if (!process.isAlive()) {
                node.markStopped();
                throw new Failure("The " + node.serviceName() + " service has failed to start (exit code "
                        + process.exitValue() + "); see " + node.text("log_dir_path"));
            }
            if (peerId == null) {
                peerId = NodeProbe.peerId(rpc).orElse(null);
            }
            if (peerId != null) {
                peers = NodeProbe.connectedPeers(rpc).orElse(0);
                if (!waitForPeers || peers > ENOUGH_PEERS) {
                    break;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                record(node, process, peerId, peers);
                throw new Failure(waitForPeers
                        ? "The " + node.serviceName() + " service did not connect to more than " + ENOUGH_PEERS
                        + " peers within " + timeoutSeconds + " seconds"
                        : "The " + node.serviceName() + " service did not answer on its RPC port " + rpc);
            }
            NodeControl.pause(POLL_MS);
        }
        record(node, process, peerId, peers);
    }

    private void record(NodeEntry node, Process process, String peerId, int peers) {
        node.status(NodeEntry.Status.Running);
        node.set("pid", process.pid());
        if (peerId != null) {
            node.set("peer_id", peerId);
            node.set("listen_addr", new ArrayList<>(List.of(
                    "/ip4/127.0.0.1/udp/" + node.text("node_port") + "/quic-v1/p2p/" + peerId)));
        }
        List<Object> connected = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            connected.add("12D3KooWStandInConnectedPeer" + String.format("%024d", i));
        }
        node.set("connected_peers", connected);
        registry.save();
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> environment() {
        List<List<String>> env = new ArrayList<>();
        Object pairs = registry.environmentVariables();
        if (pairs instanceof List) {
            for (Object pair : (List<Object>) pairs) {
                List<Object> kv = (List<Object>) pair;
                env.add(List.of(String.valueOf(kv.get(0)), String.valueOf(kv.get(1))));
            }
        }
        return env;
    }
}
