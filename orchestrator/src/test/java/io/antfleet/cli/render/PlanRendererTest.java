package io.antfleet.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.plan.PortBatch;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.fleet.spec.Limits;
import io.antfleet.fleet.spec.NodeCount;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.RewardsAddress;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRendererTest {
    private static final PortPlan PORTS = new PortPlan(55000, 13000, 30000, 100);
    private static final SpecContainer ALPHA = new SpecContainer("alpha", new NodeCount.Fixed(4), Limits.NONE,
            "antfleet/agent:stand-in", ProcessManager.ANTCTL_SUDO, RewardsAddress.parse("faucet"),
            new EvmNetwork.Named(EvmNetwork.Known.ARBITRUM_ONE), true, new AntnodeSource.Latest());

    private static Plan samplePlan() {
        var block = PORTS.block(0);
        return new Plan(List.of(
                new PlanStep.CreateContainer(ALPHA, "home-alpha", block),
                new PlanStep.AddNodes("alpha", 4, List.of(new PortBatch(4, new io.antfleet.fleet.PortRange(55000, 55003),
                        new io.antfleet.fleet.PortRange(13000, 13003), new io.antfleet.fleet.PortRange(30000, 30003))),
                        List.of(ServiceName.ofNumber(1), ServiceName.ofNumber(2), ServiceName.ofNumber(3), ServiceName.ofNumber(4))),
                new PlanStep.StartNodes("beta", List.of(ServiceName.of("antnode2"))),
                new PlanStep.StopNodes("beta", List.of(ServiceName.of("antnode7"))),
                new PlanStep.RemoveNodes("beta", List.of(ServiceName.of("antnode7")))), List.of("gamma"));
    }

    @Test
    void theHumanPlanReadsLikeTerraformWithASummary() {
        assertThat(PlanRenderer.human(samplePlan())).isEqualTo(String.join("\n",
                "+ container alpha (create home-alpha from antfleet/agent:stand-in; ports node 55000-55099, metrics 13000-13099, rpc 30000-30099)",
                "+ alpha: add 4 nodes (antnode1..antnode4)",
                "~ beta: start antnode2",
                "~ beta: stop antnode7",
                "- beta: remove antnode7",
                "! container gamma is not in the spec; kept (--prune removes it)",
                "",
                "Plan: 1 to create, 4 to add, 1 to start, 1 to stop, 1 to remove.",
                ""));
    }

    @Test
    void anEmptyPlanSaysThereAreNoChanges() {
        assertThat(PlanRenderer.human(new Plan(List.of(), List.of()))).isEqualTo("No changes. The fleet matches the spec.\n");
    }

    @Test
    void aSingleAddNamesOneNodeAndAPrunedContainerIsARemoval() {
        Plan plan = new Plan(List.of(new PlanStep.AddNodes("a", 1, List.of(new PortBatch(1, io.antfleet.fleet.PortRange.single(1),
                io.antfleet.fleet.PortRange.single(2), io.antfleet.fleet.PortRange.single(3))), List.of(ServiceName.ofNumber(5))),
                new PlanStep.RemoveContainer("b", "abc")), List.of());

        assertThat(PlanRenderer.human(plan)).startsWith("+ a: add 1 node (antnode5)\n- container b (remove)\n");
    }

    @Test
    void theJsonPlanListsTypeContainerCountAndServices() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanRenderer.json(samplePlan()));

        assertThat(json.get("actions")).hasSize(5);
        JsonNode add = json.get("actions").get(1);
        assertThat(add.get("type").asText()).isEqualTo("add-nodes");
        assertThat(add.get("container").asText()).isEqualTo("alpha");
        assertThat(add.get("count").asInt()).isEqualTo(4);
        assertThat(add.get("services").toString()).isEqualTo("[\"antnode1\",\"antnode2\",\"antnode3\",\"antnode4\"]");
        assertThat(json.get("actions").get(0).get("type").asText()).isEqualTo("create-container");
    }

    @Test
    void anEmptyPlanIsAnEmptyJsonList() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanRenderer.json(new Plan(List.of(), List.of("x"))));

        assertThat(json.toString()).isEqualTo("{\"actions\":[]}");
    }

    @Test
    void aNodeAheadOfThePinIsANoteInBothForms() throws Exception {
        Plan plan = new Plan(List.of(), List.of(), List.of("alpha/antnode1 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept"));

        assertThat(PlanRenderer.human(plan)).startsWith("! alpha/antnode1 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept\n")
                .endsWith(PlanRenderer.NO_CHANGES + "\n");
        JsonNode json = new ObjectMapper().readTree(PlanRenderer.json(plan));
        assertThat(json.get("notes").get(0).asText()).startsWith("alpha/antnode1 runs 0.4.18");
    }
}
