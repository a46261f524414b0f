package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.teardown.TeardownService;
import io.antfleet.fleet.OperationState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeardownCommandTest {
    private final FakeFleet fleet = new FakeFleet();
    private final FakeAntctl alpha = fleet.antctl("home-alpha");
    private final FakeAntctl beta = fleet.antctl("home-beta");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void applyTwoContainers() {
        fleet.service().apply(new SpecLoader().parse("f.yaml", ApplyCommandTest.QUICKSTART.replace("    nodes: 3",
                "    nodes: 2\n  - name: beta\n    nodes: 1")), false);
    }

    private int run(String... args) {
        TeardownService service = fleet.teardownService();
        Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(TeardownService.class).toInstance(service);
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void withoutConfirmNothingIsTouchedAndTheExitIsTwo() {
        assertThat(run("teardown")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--confirm");
        assertThat(alpha.registry()).hasSize(2);
    }

    @Test
    void oneContainerIsResetAndItsNodeRowsGoWhileTheOtherStays() {
        assertThat(run("teardown", "--container", "alpha", "--confirm")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("home-alpha: reset, 2 node row(s) deleted");
        assertThat(alpha.registry()).isEmpty();
        assertThat(beta.registry()).hasSize(1);
        long alphaId = fleet.store.containers.findByName("home-alpha").orElseThrow().id();
        assertThat(fleet.store.nodes.findByContainer(alphaId)).isEmpty();
        assertThat(fleet.store.journal.recent(1).get(0).state()).isEqualTo(OperationState.DONE);
    }

    @Test
    void aFleetFilterLeavesOtherFleetsAlone() {
        assertThat(run("teardown", "--fleet", "other", "--confirm")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No antfleet containers.");
        assertThat(alpha.registry()).hasSize(2);
    }

    @Test
    void removeContainersTakesTheContainersAndTheirRowsToo() {
        assertThat(run("teardown", "--fleet", "home", "--confirm", "--remove-containers")).isEqualTo(ExitCodes.OK);

        assertThat(fleet.docker.listByLabels(Map.of())).isEmpty();
        assertThat(fleet.store.containers.findAll()).isEmpty();
        assertThat(fleet.store.nodes.findAll()).isEmpty();
    }

    @Test
    void anEmptyContainerIsRefusedWithExitTwoAndNothingTouched() {
        assertThat(run("teardown", "--container", "", "--confirm")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--container needs");
        assertThat(alpha.registry()).hasSize(2);
        assertThat(beta.registry()).hasSize(1);
        assertThat(fleet.store.journal.recent(100)).noneMatch(o -> o.intent().startsWith("teardown"));
    }

    @Test
    void anIdPrefixShorterThanTwelveCharactersNamesNothingAndTouchesNothing() {
        String id = fleet.docker.listByLabels(Map.of("antfleet.container", "alpha")).get(0).id();

        assertThat(run("teardown", "--container", id.substring(0, id.length() - 1), "--confirm")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no antfleet container named");
        assertThat(alpha.registry()).hasSize(2);
        assertThat(beta.registry()).hasSize(1);
    }

    @Test
    void aNameInTwoFleetsIsRefusedWithBothListedUntilFleetChooses() {
        FakeAntctl work = fleet.antctl("work-alpha");
        fleet.service().apply(new SpecLoader().parse("w.yaml", ApplyCommandTest.QUICKSTART.replace("fleet: home", "fleet: work")
                .replace("    nodes: 3", "    nodes: 1")), false);

        assertThat(run("teardown", "--container", "alpha", "--confirm")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("home-alpha (fleet home").contains("work-alpha (fleet work");
        assertThat(alpha.registry()).hasSize(2);
        assertThat(work.registry()).hasSize(1);

        assertThat(run("teardown", "--container", "alpha", "--fleet", "work", "--confirm")).isEqualTo(ExitCodes.OK);
        assertThat(work.registry()).isEmpty();
        assertThat(alpha.registry()).hasSize(2);
    }
}
