package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.spec.FleetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spec in examples/ must validate as written: users copy them. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anExampleSpecValidates(Path file) {
        FleetSpec spec = new SpecLoader().load(file);

        assertThat(spec.containers()).isNotEmpty();
    }

    @Test
    void theFourExamplesTheReadmePromisesAreThere() throws IOException {
        assertThat(examples()).extracting(p -> p.getFileName().toString())
                .contains("quickstart.yaml", "multi-container.yaml", "autoscale.yaml", "ci-import.yaml");
    }

    @Test
    void theQuickStartIsOneContainerAlphaOfThreeNodesUnderSudo() {
        FleetSpec spec = new SpecLoader().load(EXAMPLES.resolve("quickstart.yaml"));

        assertThat(spec.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("alpha");
            assertThat(c.nodes()).isEqualTo(new io.antfleet.fleet.spec.NodeCount.Fixed(3));
            assertThat(c.image()).isEqualTo("antfleet/agent:stand-in");
            assertThat(c.processManager()).isEqualTo(io.antfleet.fleet.ProcessManager.ANTCTL_SUDO);
        });
    }

    @Test
    void theAntQuickStartIsOneContainerOfThreeNodesUnderTheAntDaemonWithABinaryInTheImage() {
        FleetSpec spec = new SpecLoader().load(EXAMPLES.resolve("quickstart-ant.yaml"));

        assertThat(spec.containers()).singleElement().satisfies(c -> {
            assertThat(c.nodes()).isEqualTo(new io.antfleet.fleet.spec.NodeCount.Fixed(3));
            assertThat(c.image()).isEqualTo("antfleet/agent:ant-stand-in");
            assertThat(c.processManager()).isEqualTo(io.antfleet.fleet.ProcessManager.ANT);
            assertThat(c.antnode()).isEqualTo(new io.antfleet.fleet.spec.AntnodeSource.Path("/opt/ant-node/0.14.2/ant-node"));
        });
    }
}
