package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.NodeCount;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.RewardsAddress;
import io.antfleet.fleet.spec.SpecContainer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class SpecLoaderTest {
    public static final String VALID = String.join("\n",
            "apiVersion: antfleet/v1",
            "fleet: home",
            "image: antfleet/agent:stand-in",
            "processManager: antctl+sudo",
            "rewardsAddress: \"0x03B770D9cD32077cC0bF330c13C114a87643B124:100,donate:5\"",
            "network: evm-arbitrum-one",
            "noUpnp: true",
            "antnode: {version: 0.4.17}",
            "ports: {node: 55000, metrics: 13000, rpc: 30000, blockSize: 100}",
            "containers:",
            "  - name: alpha",
            "    nodes: 4",
            "    limits: {cpus: 2, memory: 4g}",
            "  - name: beta",
            "    nodes: {min: 0, max: 40}",
            "    processManager: antctl+sudo",
            "autoscale:",
            "  nodeCap: 50",
            "  cpu: {add: 50, remove: 70}",
            "  mem: {add: 60, remove: 75}",
            "  disk: {add: 75, remove: 90}",
            "  load: {desired: 1.2, max: 2.0}",
            "  maxConcurrent: {starts: 2, upgrades: 1, removals: 1, operations: 4}",
            "  delays: {start: 300s, upgrade: 300s, remove: 5m, restart: 600}",
            "");

    private final SpecLoader loader = new SpecLoader();

    @Test
    void theIssuesExampleParsesToRecordsWithContainerOverridesMergedIn() {
        FleetSpec spec = loader.parse("fleet.yaml", VALID);

        assertThat(spec.fleet()).isEqualTo("home");
        assertThat(spec.ports()).isEqualTo(new PortPlan(55000, 13000, 30000, 100));
        SpecContainer alpha = spec.containers().get(0);
        assertThat(alpha.nodes()).isEqualTo(new NodeCount.Fixed(4));
        assertThat(alpha.limits().cpus().getAsDouble()).isEqualTo(2.0);
        assertThat(alpha.limits().memoryBytes()).contains(4L * 1024 * 1024 * 1024);
        assertThat(alpha.processManager()).isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(alpha.antnode()).isEqualTo(new AntnodeSource.Version("0.4.17"));
        assertThat(alpha.network()).isEqualTo(new EvmNetwork.Named(EvmNetwork.Known.ARBITRUM_ONE));
        assertThat(alpha.noUpnp()).isTrue();
        assertThat(alpha.rewardsAddress().entries()).extracting(RewardsAddress.Entry::weight).containsExactly(100, 5);
        SpecContainer beta = spec.containers().get(1);
        assertThat(beta.nodes()).isEqualTo(new NodeCount.Range(0, 40));
        assertThat(beta.processManager()).isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(spec.autoscale().nodeCap()).isEqualTo(50);
        assertThat(spec.autoscale().load().desiredFor(8)).isEqualTo(1.2);
        assertThat(spec.autoscale().maxConcurrent().operations()).isEqualTo(4);
        assertThat(spec.autoscale().delays().remove()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.autoscale().delays().restart()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void aMinimalSpecTakesWnmsDefaults() {
        FleetSpec spec = loader.parse("min.yaml", String.join("\n",
                "apiVersion: antfleet/v1", "fleet: f", "image: i", "rewardsAddress: 0x03B770D9cD32077cC0bF330c13C114a87643B124",
                "containers: [{name: a, nodes: 1}]", ""));

        assertThat(spec.ports()).isEqualTo(PortPlan.DEFAULT);
        assertThat(spec.autoscale().nodeCap()).isEqualTo(20);
        assertThat(spec.autoscale().cpu().add()).isEqualTo(50);
        assertThat(spec.autoscale().load().desiredFor(10)).isEqualTo(6.0);
        assertThat(spec.autoscale().delays().restart()).isEqualTo(Duration.ofSeconds(600));
        SpecContainer a = spec.containers().get(0);
        assertThat(a.processManager()).isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(a.antnode()).isEqualTo(new AntnodeSource.Latest());
        assertThat(a.noUpnp()).isFalse();
        assertThat(a.rewardsAddress().toString()).isEqualTo("0x03B770D9cD32077cC0bF330c13C114a87643B124:1");
    }

    @Test
    void selfUpgradeTrueSaysWhatTheNodesDoAnywayAndIsAccepted() {
        FleetSpec spec = loader.parse("u.yaml", VALID.replace("network: evm-arbitrum-one", "network: evm-arbitrum-one\nselfUpgrade: true"));

        assertThat(spec.containers()).isNotEmpty();
    }

    @Test
    void aCustomNetworkIsReadWithItsThreeAddresses() {
        FleetSpec spec = loader.parse("c.yaml", VALID.replace("network: evm-arbitrum-one",
                "network: {custom: {rpcUrl: 'http://127.0.0.1:8545', paymentTokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',"
                        + " dataPaymentsAddress: '0x8464135c8F25Da09e49BC8782676a84730C318bC'}}"));

        assertThat(spec.containers().get(0).network()).isEqualTo(new EvmNetwork.Custom("http://127.0.0.1:8545",
                new WalletAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
                new WalletAddress("0x8464135c8F25Da09e49BC8782676a84730C318bC"), Optional.empty()));
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String text = VALID.replace("fleet: home", "fleet: -bad").replace("nodes: 4", "nodes: four")
                .replace("cpu: {add: 50, remove: 70}", "cpu: {add: 80, remove: 70}");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> loader.parse("f.yaml", text));

        assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(2, 12, 19);
        assertThat(e.getMessage().lines()).hasSize(3).allMatch(l -> l.startsWith("f.yaml:"));
    }

    @Test
    void antctlsUserModeIsRefusedWithTheReasonAndTheFix() {
        String text = VALID.replace("    processManager: antctl+sudo", "    processManager: antctl+user");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> loader.parse("f.yaml", text));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(16));
        assertThat(e.getMessage()).contains("antctl+user is not supported", "OpenRC", "use antctl+sudo");
    }

    @Test
    void anUnreadableFileIsOneProblemNamingTheFile() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> loader.load(java.nio.file.Path.of("/nonexistent/fleet.yaml")));

        assertThat(e.getMessage()).startsWith("/nonexistent/fleet.yaml:1:1: cannot read the spec");
    }

    @Test
    void nodeManagerAntAtTheTopGivesEveryContainerAntUnlessOneSaysAntctl() {
        String text = VALID.replace("\nprocessManager: antctl+sudo", "\nnodeManager: ant")
                .replace("    processManager: antctl+sudo", "    nodeManager: antctl\n    processManager: antctl+sudo");

        FleetSpec spec = loader.parse("fleet.yaml", text);

        assertThat(spec.containers()).extracting(SpecContainer::processManager)
                .containsExactly(ProcessManager.ANT, ProcessManager.ANTCTL_SUDO);
    }

    @Test
    void anUnknownNodeManagerIsAProblemWithASuggestion() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> loader.parse("f.yaml", VALID.replace("processManager: antctl+sudo", "nodeManager: antd")));

        assertThat(e.getMessage()).contains("f.yaml:4:").contains("unknown nodeManager 'antd' (did you mean 'ant'? expected antctl or ant)");
    }
}
