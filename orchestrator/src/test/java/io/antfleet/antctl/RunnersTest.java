package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ExecResult;
import io.antfleet.docker.ExecTimeoutException;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.fleet.ProcessManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnersTest {
    private final FakeDockerGateway docker = new FakeDockerGateway().withContainer("c1", "alpha", Map.of());

    private DockerExecRunner runner(ProcessManager mode) {
        return new DockerExecRunner(docker, "alpha", mode, AntctlSettings.defaults());
    }

    @Test
    void sudoModeRunsAsRootUnderAKillingTimeoutAndWaitsAGraceLonger() {
        docker.onExec("alpha", call -> new ExecResult(0, "ok", ""));

        ExecResult r = runner(ProcessManager.ANTCTL_SUDO).run(List.of("status", "--json"), Duration.ofSeconds(30));

        assertThat(r.stdout()).isEqualTo("ok");
        FakeDockerGateway.ExecCall call = docker.execs().get(0);
        assertThat(call.command()).containsExactly("timeout", "-s", "KILL", "30", "antctl", "status", "--json");
        assertThat(call.user()).isEqualTo("root");
        assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void userModeRunsAsTheImagesNonRootUser() {
        docker.onExec("alpha", call -> new ExecResult(0, "", ""));

        runner(ProcessManager.ANTCTL_USER).run(List.of("status", "--json"), Duration.ofSeconds(30));

        assertThat(docker.execs().get(0).user()).isEqualTo("ant");
    }

    @Test
    void aNonZeroExitIsReturnedAsData() {
        docker.onExec("alpha", call -> new ExecResult(1, "", "Error: boom"));

        assertThat(runner(ProcessManager.ANTCTL_SUDO).run(List.of("start"), Duration.ofSeconds(5)).exitCode())
                .isEqualTo(1);
    }

    @Test
    void aCallKilledByTheTimeoutInsideTheContainerIsReportedWithContainerCommandAndBound() {
        long[] now = {0};
        docker.onExec("alpha", call -> {
            now[0] += Duration.ofSeconds(40).toNanos();
            return new ExecResult(137, "", "");
        });
        DockerExecRunner runner = new DockerExecRunner(docker, "alpha", "alpha", ProcessManager.ANTCTL_SUDO,
                AntctlSettings.defaults(), () -> now[0]);

        assertThatThrownBy(() -> runner.run(List.of("start", "--service-name", "antnode1"),
                Duration.ofSeconds(40)))
                .isInstanceOfSatisfying(AntctlTimeoutException.class, e -> {
                    assertThat(e.bound()).isEqualTo(Duration.ofSeconds(40));
                    assertThat(e.command()).containsExactly("antctl", "start", "--service-name", "antnode1");
                })
                .hasMessageContaining("container alpha (antctl+sudo)").hasMessageContaining("40 s");
    }

    @Test
    void aSigkillLongBeforeTheBoundIsNotCalledATimeout() {
        docker.onExec("alpha", call -> new ExecResult(137, "", ""));
        DockerExecRunner runner = new DockerExecRunner(docker, "alpha", "alpha", ProcessManager.ANTCTL_SUDO,
                AntctlSettings.defaults(), () -> 0L);

        assertThat(runner.run(List.of("status", "--json"), Duration.ofSeconds(30)).exitCode()).isEqualTo(137);
    }

    @Test
    void aCallTheClientGaveUpOnIsReportedAsATimeout() {
        docker.onExec("alpha", call -> {
            throw new ExecTimeoutException("alpha", call.command(), call.timeout(), "killed host pid 42");
        });

        assertThatThrownBy(() -> runner(ProcessManager.ANTCTL_USER).run(List.of("status", "--json"), Duration.ofSeconds(3)))
                .isInstanceOf(AntctlTimeoutException.class).hasMessageContaining("container alpha (antctl+user)");
    }

    @Test
    void aMissingAntctlNamesTheContainerAndTheFix() {
        docker.onExec("alpha", call -> new ExecResult(127, "", "timeout: can't execute 'antctl': No such file or directory\n"));

        assertThatThrownBy(() -> runner(ProcessManager.ANTCTL_SUDO).run(List.of("--version"), Duration.ofSeconds(3)))
                .isInstanceOf(AntctlMissingException.class)
                .hasMessageContaining("container alpha").hasMessageContaining("antfleet/agent:stand-in");
    }

    @Test
    void theLocalRunnerKeepsStdoutAndStderrApart() {
        LocalRunner local = new LocalRunner("ls", List.of());

        ExecResult r = local.run(List.of("/", "/definitely-not-here"), Duration.ofSeconds(10));

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stdout()).contains("usr");
        assertThat(r.stderr()).contains("definitely-not-here").doesNotContain("usr\n");
    }

    @Test
    void theLocalRunnerKillsACallAtItsBound() {
        LocalRunner local = new LocalRunner("sleep", List.of());

        assertThatThrownBy(() -> local.run(List.of("30"), Duration.ofMillis(300)))
                .isInstanceOf(AntctlTimeoutException.class).hasMessageContaining("host");
    }

    @Test
    void theLocalRunnerKillsACallThatPrintsPastTheCapLongBeforeItsBound() {
        LocalRunner local = new LocalRunner("yes", List.of(), 1024 * 1024);
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> local.run(List.of("antfleet-cap"), Duration.ofMinutes(5)))
                .isInstanceOf(AntctlException.class).hasMessageContaining("printed more than 1048576 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void theLocalRunnerReportsAMissingProgram() {
        LocalRunner local = new LocalRunner("/nonexistent/antctl", List.of());

        assertThatThrownBy(() -> local.run(List.of("--version"), Duration.ofSeconds(5)))
                .isInstanceOf(AntctlMissingException.class).hasMessageContaining("/nonexistent/antctl");
    }
}
