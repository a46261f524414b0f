package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/contracts/ant-v2-contract.md §3.3: the daemon's REST endpoints, success and error bodies, from the host. */
class AntApiContractIT extends AntContractTestBase {

    private JsonNode json(HttpResponse<String> r) {
        return new AntAgent.Exec(0, r.body(), "").json();
    }

    @Test
    void statusEndpointIsDaemonStatusWithTheBoundPort() {
        JsonNode start = ant.startDaemon();
        HttpResponse<String> r = ant.get("/api/v1/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("port").asInt()).isEqualTo(start.get("port").asInt());
        assertThat(json(r).get("running").asBoolean()).isTrue();
    }

    @Test
    void nodeDetailIsTheFlattenedConfigWithStatusAndNullPid() {
        ant.add("--node-port", "23201");
        ant.startDaemon();
        HttpResponse<String> r = ant.get("/api/v1/nodes/1");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = json(r);
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "service_name", "rewards_address", "data_dir", "log_dir", "node_port", "metrics_port",
                "network_id", "binary_path", "version", "env_variables", "bootstrap_peers", "status", "pid", "uptime_secs");
        assertThat(n.get("pid").isNull()).isTrue();
        assertThat(n.get("node_port").asInt()).isEqualTo(23201);
        assertThat(ant.get("/api/v1/nodes/42").body()).isEqualTo("{\"error\":\"Node not found: 42\"}");
        assertThat(ant.get("/api/v1/nodes/42").statusCode()).isEqualTo(404);
    }

    @Test
    void postNodesAddsWithStatus201AndRejectsBadInputWith400() {
        ant.startDaemon();
        String bin = agent.nodeBinary(agent.nodeVersions().get(0));
        String body = "{\"count\":2,\"rewards_address\":\"" + AntAgent.ADDRESS + "\",\"node_port\":[23210,23211],\"metrics_port\":null,"
                + "\"data_dir_path\":\"" + ant.home + "/d\",\"log_dir_path\":null,\"network_id\":1,"
                + "\"binary_source\":{\"type\":\"local_path\",\"value\":\"" + bin + "\"},"
                + "\"bootstrap_peers\":[],\"env_variables\":[[\"ANT_EVM_NETWORK\",\"arbitrum-sepolia\"]]}";
        HttpResponse<String> r = agent.http("POST", ant.port(), "/api/v1/nodes", body, "application/json");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode added = json(r).get("nodes_added");
        assertThat(added.get(1).get("node_port").asInt()).isEqualTo(23211);
        assertThat(added.get(0).get("env_variables").get("ANT_EVM_NETWORK").asText()).isEqualTo("arbitrum-sepolia");
        HttpResponse<String> bad = agent.http("POST", ant.port(), "/api/v1/nodes", body.replace("\"count\":2", "\"count\":3"), "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Port range length (2) does not match node count (3)\"}");
    }

    @Test
    void frameworkRejections() {
        ant.startDaemon();
        assertThat(agent.http("POST", ant.port(), "/api/v1/nodes", "{}", null).statusCode()).isEqualTo(415);
        assertThat(agent.http("POST", ant.port(), "/api/v1/nodes", "{", "application/json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = agent.http("POST", ant.port(), "/api/v1/nodes", "{\"count\":1}", "application/json");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).startsWith("Failed to deserialize the JSON body into the target type: ");
        assertThat(ant.get("/api/v1/nodes/abc").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = ant.get("/api/v1/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        assertThat(ant.post("/api/v1/status").statusCode()).isEqualTo(405);
    }

    @Test
    void deleteRemovesTheEntryKeepsItsDirsAndRefusesARunningNode() {
        ant.add("--count", "2");
        ant.startDaemon();
        ant.ok("node", "start", "--service-name", "node1");
        HttpResponse<String> running = ant.agentDelete(1);
        assertThat(running.statusCode()).isEqualTo(409);
        assertThat(running.body()).isEqualTo("{\"current_state\":{\"node_id\":1,\"status\":\"running\"},"
                + "\"error\":\"Cannot remove node 1 while it is running. Stop it first.\"}");
        HttpResponse<String> removed = ant.agentDelete(2);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed).get("removed").get("service_name").asText()).isEqualTo("node2");
        assertThat(ant.exists(ant.dir + "/nodes/node-2")).isTrue();
        assertThat(ant.agentDelete(2).statusCode()).isEqualTo(404);
        assertThat(ant.status().get("nodes")).hasSize(1);
    }

    @Test
    void startAndStopEndpointsWithTheir409Shapes() {
        ant.add();
        ant.startDaemon();
        HttpResponse<String> started = ant.post("/api/v1/nodes/1/start");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).matches("\\{\"node_id\":1,\"service_name\":\"node1\",\"pid\":\\d+}");
        HttpResponse<String> again = ant.post("/api/v1/nodes/1/start");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).matches("\\{\"current_state\":\\{\"node_id\":1,\"pid\":\\d+,\"status\":\"running\",\"uptime_secs\":\\d+},"
                + "\"error\":\"Node 1 is already running\"}");
        assertThat(ant.post("/api/v1/nodes/1/stop").body()).isEqualTo("{\"node_id\":1,\"service_name\":\"node1\"}");
        HttpResponse<String> stopped = ant.post("/api/v1/nodes/1/stop");
        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(ant.post("/api/v1/nodes/7/start").statusCode()).isEqualTo(404);
    }

    @Test
    void startAllAndStopAllBodies() {
        ant.add();
        ant.startDaemon();
        assertThat(ant.post("/api/v1/nodes/start-all").body()).matches("\\{\"started\":\\[\\{\"node_id\":1,\"service_name\":\"node1\",\"pid\":\\d+}],"
                + "\"failed\":\\[],\"already_running\":\\[]}");
        assertThat(ant.post("/api/v1/nodes/stop-all").body())
                .isEqualTo("{\"stopped\":[{\"node_id\":1,\"service_name\":\"node1\"}],\"failed\":[],\"already_stopped\":[]}");
    }

    @Test
    void resetEndpointRefusesWhileRunningWithNodesRunning() {
        ant.add();
        ant.startDaemon();
        ant.ok("node", "start");
        HttpResponse<String> r = ant.post("/api/v1/reset");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("{\"error\":\"Cannot reset while nodes are running (1 node(s) still running). Stop all nodes first.\","
                + "\"nodes_running\":1}");
        ant.ok("node", "stop");
        HttpResponse<String> ok = ant.post("/api/v1/reset");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("nodes_cleared").asInt()).isEqualTo(1);
    }

    @Test
    void runtimeStateSurvivesResetSoANewNodeOneInheritsTheOldStatus() {
        // §7 #11: reproduced; nodes_stopped counts the deleted node.
        ant.add();
        ant.startDaemon();
        ant.ok("node", "start");
        ant.ok("node", "stop");
        ant.ok("node", "reset", "--force");
        ant.add();
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("nodes_stopped").asInt()).isEqualTo(1);
    }

    @Test
    void openapiAndConsole() {
        ant.startDaemon();
        JsonNode spec = json(ant.get("/api/v1/openapi.json"));
        assertThat(spec.get("info").get("title").asText()).isEqualTo("Ant Daemon API");
        assertThat(spec.get("info").get("version").asText()).isEqualTo("0.1.0");
        assertThat(spec.get("paths").has("/api/v1/nodes/status")).isFalse();
        HttpResponse<String> console = ant.get("/console");
        assertThat(console.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(console.body()).contains("Node Console");
    }

    @Test
    void corsAllowsOnlyTheDaemonsOwnOrigin() throws Exception {
        ant.startDaemon();
        int port = ant.port();
        java.net.http.HttpRequest own = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                .header("Origin", "http://127.0.0.1:" + port).build();
        java.net.http.HttpRequest other = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                .header("Origin", "http://evil.example").build();
        assertThat(agent.httpClient().send(own, HttpResponse.BodyHandlers.ofString()).headers().firstValue("access-control-allow-origin"))
                .contains("http://127.0.0.1:" + port);
        assertThat(agent.httpClient().send(other, HttpResponse.BodyHandlers.ofString()).headers().firstValue("access-control-allow-origin"))
                .isEmpty();
    }
}
