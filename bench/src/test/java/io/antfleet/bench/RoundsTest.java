package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a scenario's rounds become its figure: alternation, the median of per-round ratios, the spread, execs counted. */
class RoundsTest {
    @Test
    void theFigureIsTheMedianOfThePerRoundRatiosNotTheRatioOfMedians() {
        Rounds rounds = new Rounds();
        rounds.add(10, 10, 1); // 1.0
        rounds.add(30, 20, 2); // 1.5
        rounds.add(12, 10, 3); // 1.2

        assertThat(rounds.medianRatio()).isEqualTo(1.2);
        assertThat(rounds.minRatio()).isEqualTo(1.0);
        assertThat(rounds.maxRatio()).isEqualTo(1.5);
        assertThat(rounds.medianAntfleet()).isEqualTo(12);
        assertThat(rounds.medianFloor()).isEqualTo(10);
        ScenarioResult result = rounds.result("converge", 1.10, "m");
        assertThat(result.ratio()).isEqualTo(1.2);
        assertThat(result.met()).isFalse();
        assertThat(result.target()).startsWith("<= 1.10 x the floor");
        assertThat(rounds.summary()).contains("ratio median 1.200 (spread 1.000-1.500) over 3 rounds");
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwo() {
        assertThat(Rounds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void theSideThatGoesFirstAlternatesAndEachSidesExecsAreCountedPerContainer() {
        List<String> order = new ArrayList<>();
        CountingGateway docker = new CountingGateway(execsOnly());
        StringWriter progress = new StringWriter();

        Rounds rounds = Rounds.run("s", 3, docker, () -> {
            order.add("antfleet");
            docker.exec("c1", List.of("timeout", "-s", "KILL", "30", "antctl", "add", "--count", "2"), null, Map.of(), null,
                    java.time.Duration.ofSeconds(1));
            docker.exec("c2", List.of("antctl", "start"), null, Map.of(), null, java.time.Duration.ofSeconds(1));
            return new Rounds.Timing(2, 0.5);
        }, () -> {
            order.add("floor");
            docker.exec("c1", List.of("antctl", "add"), null, Map.of(), null, java.time.Duration.ofSeconds(1));
            return 1.0;
        }, new PrintWriter(progress));

        assertThat(order).containsExactly("antfleet", "floor", "floor", "antfleet", "antfleet", "floor");
        assertThat(rounds.medianRatio()).isEqualTo(2.0);
        assertThat(rounds.execsPerContainer(2)).isEqualTo(
                "execs per container: antfleet 1.00 (antctl add 0.50, antctl start 0.50) vs floor 0.50 (antctl add 0.50)");
        assertThat(progress.toString()).contains("round 2 (floor first)");
    }

    @Test
    void warmUpRoundsRunBothSidesFirstAndCountForNothing() {
        List<String> order = new ArrayList<>();
        CountingGateway docker = new CountingGateway(execsOnly());
        StringWriter progress = new StringWriter();

        Rounds rounds = Rounds.run("s", 1, 2, docker, () -> {
            docker.exec("c1", List.of("antctl", "add"), null, Map.of(), null, java.time.Duration.ofSeconds(1));
            boolean first = !order.contains("antfleet");
            order.add("antfleet");
            return new Rounds.Timing(first ? 9 : 2, 0.5); // the cold first run must not count
        }, () -> {
            order.add("floor");
            return 1.0;
        }, new PrintWriter(progress));

        assertThat(order).containsExactly("antfleet", "floor", "antfleet", "floor", "floor", "antfleet");
        assertThat(rounds.count()).isEqualTo(2);
        assertThat(rounds.maxRatio()).isEqualTo(2.0);
        assertThat(rounds.execsPerContainer(1)).isEqualTo(
                "execs per container: antfleet 1.00 (antctl add 1.00) vs floor (not counted)");
        assertThat(rounds.summary()).contains("over 2 rounds after 1 untimed warm-up round of both sides");
        assertThat(progress.toString()).contains("warm-up 1 (not counted): antfleet 9.000 s, floor 1.000 s");
    }

    @Test
    void aRoundWithAFailedSideIsRunAgainSaidSoAndItsExecsNotCounted() {
        CountingGateway docker = new CountingGateway(execsOnly());
        int[] floors = {0};

        Rounds rounds = Rounds.run("s", 0, 2, docker, () -> {
            docker.exec("c1", List.of("antctl", "add"), null, Map.of(), null, java.time.Duration.ofSeconds(1));
            return new Rounds.Timing(2, 0.5);
        }, () -> {
            if (++floors[0] == 1) {
                throw new io.antfleet.fleet.AntfleetException("floor step exited 1: node failed to start");
            }
            return 1.0;
        }, new PrintWriter(new StringWriter()));

        assertThat(rounds.count()).isEqualTo(2);
        assertThat(rounds.execsPerContainer(1)).startsWith("execs per container: antfleet 1.00 (antctl add 1.00)");
        assertThat(rounds.summary()).contains("run again after a failed side: round 1: floor step exited 1");
    }

    @Test
    void sidesThatKeepFailingFailTheScenario() {
        CountingGateway docker = new CountingGateway(execsOnly());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rounds.run("s", 0, 3, docker,
                () -> new Rounds.Timing(2, 0.5), () -> {
                    throw new io.antfleet.fleet.AntfleetException("always");
                }, new PrintWriter(new StringWriter()))).hasMessage("always");
    }

    /** A gateway that answers every exec with exit 0 and refuses anything else. */
    private static DockerGateway execsOnly() {
        return (DockerGateway) Proxy.newProxyInstance(RoundsTest.class.getClassLoader(), new Class<?>[] {DockerGateway.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("exec")) {
                        return new ExecResult(0, "", "");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anExecIsCountedByItsProgramAndSubcommandWords() {
        assertThat(CountingGateway.label(List.of("timeout", "-s", "KILL", "5", "antctl", "status", "--json")))
                .isEqualTo("antctl status");
        assertThat(CountingGateway.label(List.of("antctl", "--version"))).isEqualTo("antctl --version");
        assertThat(CountingGateway.label(List.of("/usr/local/bin/ant", "node", "daemon", "status", "--json")))
                .isEqualTo("ant node daemon status");
        assertThat(CountingGateway.label(List.of("cat", "/home/ant/.local/share/ant/node_registry.json"))).isEqualTo("cat");
    }
}
