package io.antfleet.engine.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.fleet.Node;

/**
 * A container's and a node row's keys as {@code status --output json} writes them; the dashboard's {@code /api/v1/fleet} writes
 * the same through this one place, so the two shapes cannot drift apart.
 */
public final class NodeJson {
    private NodeJson() {
    }

    /** Puts a container's name, Docker id and host (the engine it runs on: {@code local} or a spec's host name). */
    public static void putContainer(ObjectNode o, String name, String containerId, String host) {
        o.put("name", name);
        o.put("containerId", containerId);
        o.put("host", host);
    }

    /** Puts service, number, status, the three ports, peer id, version, wallet and the two dirs. */
    public static void putRow(ObjectNode j, Node n) {
        j.put("service", n.service().value());
        j.put("number", n.number());
        j.put("status", n.status().name());
        j.put("nodePort", n.nodePort());
        j.put("metricsPort", n.metricsPort());
        j.put("rpcPort", n.rpcPort());
        j.put("peerId", n.peerId());
        j.put("version", n.version());
        j.put("wallet", n.wallet());
        j.put("dataDir", n.dataDir());
        j.put("logDir", n.logDir());
    }
}
