package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.antctl.AddRequest;
import io.antfleet.antctl.AntctlClient;
import io.antfleet.antctl.AntctlManager;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.config.GlobalOptions;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportCommandTest {
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final MemoryStore store = new MemoryStore();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        ImportService service = new ImportService(io.antfleet.engine.FleetEngines.local(docker), new AntctlManagerFactory(docker, AntctlSettings.defaults(),
                port -> LivenessProbe.ProbeResult.dead("x")), store.containers, store.nodes, store.journal, new io.antfleet.engine.DirectWork(), store.versions(), Clock.systemUTC());
        return Main.run(options -> List.<Module>of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(ImportService.class).toInstance(service);
            }
        }), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private FakeAntctl container(String id, String name, Map<String, String> labels, int nodes) {
        FakeAntctl antctl = new FakeAntctl("container " + name);
        docker.withContainer(id, name, labels).onExec(id, antctl.execHandler());
        new AntctlManager(new AntctlClient(antctl, AntctlSettings.defaults(), w -> { }),
                port -> LivenessProbe.ProbeResult.dead("x"), AntctlSettings.defaults())
                .create(new AddRequest(nodes, null, null, null, null, new PortRange(31001, 31000 + nodes), null, null,
                        true, new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124"), null, null,
                        EvmNetwork.LOCAL));
        return antctl;
    }

    @Test
    void importPrintsATablePerContainerAndExitsZero() {
        container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);

        int exit = run("import");

        assertThat(exit).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("alpha (antctl+sudo, 2 node(s))").contains("SERVICE").contains("antnode2")
                .contains("31002");
        assertThat(store.nodes.findAll()).hasSize(2);
    }

    @Test
    void jsonOutputListsServicesNumbersStatusesAndPorts() throws Exception {
        container("id-a", "alpha", Map.of(), 1);

        int exit = run("--output", "json", "import", "--container", "alpha", "--process-manager", "antctl+user");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode c = json.get("containers").get(0);
        assertThat(c.get("name").asText()).isEqualTo("alpha");
        assertThat(c.get("processManager").asText()).isEqualTo("antctl+user");
        assertThat(c.get("nodes").get(0).get("service").asText()).isEqualTo("antnode1");
        assertThat(c.get("nodes").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(c.get("nodes").get(0).get("status").asText()).isEqualTo("STOPPED");
        assertThat(c.get("nodes").get(0).get("nodePort").asInt()).isEqualTo(31001);
    }

    @Test
    void aContainerThatFailsIsNamedOnStderrAndTheExitCodeIsOne() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 1);
        antctl.failNext("status", new ExecResult(1, "", "Error: \n   0: registry is corrupt\n"));

        int exit = run("import");

        assertThat(exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("✕ alpha").contains("registry is corrupt");
        assertThat(store.nodes.findAll()).isEmpty();
    }

    @Test
    void anUnknownProcessManagerIsAUsageError() {
        int exit = run("import", "--process-manager", "systemd");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown process manager 'systemd'");
    }

    @Test
    void helpSaysWhichModeIsTheDefault() {
        run("import", "--help");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--process-manager").contains("else antctl+sudo");
    }
}
