package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerJavaGatewayIT {
    private static StandInContainers fixture;
    private static ContainerInfo container;

    @BeforeAll
    static void startContainer() {
        fixture = new StandInContainers();
        container = fixture.start("gw", Map.of("antfleet.fleet", "gw-it"));
    }

    @AfterAll
    static void removeContainer() {
        fixture.close();
    }

    private DockerJavaGateway docker() {
        return fixture.docker();
    }

    @Test
    void agentContainersRunWithoutUnneededCapabilitiesWithNoNewPrivilegesAndAPidsLimit() {
        String status = docker().exec(container.id(), List.of("cat", "/proc/1/status"), "root", Map.of(), null,
                Duration.ofSeconds(30)).stdout();
        // CHOWN 0, DAC_OVERRIDE 1, FOWNER 3, FSETID 4, KILL 5, SETGID 6, SETUID 7
        assertThat(status).containsPattern("(?m)^CapBnd:\\s+0*fb$").containsPattern("(?m)^NoNewPrivs:\\s+1$");
        String pids = docker().exec(container.id(), List.of("sh", "-c",
                "cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max"), "root", Map.of(), null,
                Duration.ofSeconds(30)).stdout();
        assertThat(pids.strip()).isEqualTo(Long.toString(DockerJavaGateway.PIDS_LIMIT));
        assertThat(docker().exec(container.id(), List.of("id", "-un"), "ant", Map.of(), null, Duration.ofSeconds(30))
                .stdout().strip()).as("exec as the ant user").isEqualTo("ant");
    }

    @Test
    void anExecSilentForLongerThanTheResponseTimeoutIsBoundOnlyByItsOwnTimeout() {
        DockerSettings defaults = DockerSettings.defaults();
        try (DockerJavaGateway quick = new DockerJavaGateway(new DockerSettings(defaults.host(), defaults.apiVersion(),
                defaults.connectTimeout(), Duration.ofSeconds(2), 10))) {
            ExecResult r = quick.exec(container.id(), List.of("sh", "-c", "sleep 5; echo done"), "root", Map.of(), null,
                    Duration.ofSeconds(60));

            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().strip()).isEqualTo("done");
        }
    }

    @Test
    void anExecThatPrintsWithoutEndIsCutAtTheCapAndKilledLongBeforeItsTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> docker().exec(container.id(), List.of("yes", "antfleet-cap"), "root", Map.of(), null,
                Duration.ofMinutes(5))).isInstanceOf(DockerOperationException.class)
                .hasMessageContaining("printed more than " + DockerExecutor.MAX_OUTPUT + " bytes");

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(docker().exec(container.id(),
                List.of("ps", "-eo", "args"), "root", Map.of(), null, Duration.ofSeconds(30)).stdout())
                .doesNotContain("yes antfleet-cap"));
    }

    @Test
    void aCreatedContainerRunsWithHostNetworkingAndItsLabels() {
        ContainerInfo info = docker().inspect(container.id()).orElseThrow();

        assertThat(info.running()).isTrue();
        assertThat(info.networkMode()).isEqualTo("host");
        assertThat(info.name()).startsWith("antctl-it-gw-");
        assertThat(info.labels()).containsEntry("antfleet.fleet", "gw-it");
    }

    @Test
    void containersAreFoundByALabelWithAnyValue() {
        List<ContainerInfo> found = docker().listByLabels(Collections.singletonMap("antfleet.fleet", null));

        assertThat(found).extracting(ContainerInfo::id).contains(container.id());
        assertThat(docker().listByLabels(Map.of("antfleet.fleet", "no-such-fleet"))).isEmpty();
    }

    @Test
    void removingAContainerWithItsVolumesRemovesTheNamedVolumeItMounted() throws Exception {
        String name = startWithDataVolume("antctl-it-gw-volume-");
        String volume = name + "-data";
        assertThat(volumeExists(volume)).isTrue();

        docker().remove(name, true);

        assertThat(docker().inspect(name)).isEmpty();
        assertThat(volumeExists(volume)).as("volume %s after the container's removal", volume).isFalse();
    }

    @Test
    void removingAContainerWithoutItsVolumesKeepsTheNamedVolume() throws Exception {
        String name = startWithDataVolume("antctl-it-gw-keep-");
        String volume = name + "-data";
        try {
            docker().remove(name, false);

            assertThat(volumeExists(volume)).isTrue();
        } finally {
            new ProcessBuilder("docker", "volume", "rm", "-f", volume).start().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** A container named {@code prefix} + a unique suffix, with a named volume {@code <name>-data} as apply makes. */
    private String startWithDataVolume(String prefix) {
        String name = prefix + System.nanoTime();
        docker().createAndStart(new ContainerSpec(name, StandInContainers.IMAGE, Map.of(StandInContainers.TEST_LABEL, "gw-volume"),
                "host", name + "-data", "/var/antctl", null, null));
        return name;
    }

    private static boolean volumeExists(String volume) throws Exception {
        Process p = new ProcessBuilder("docker", "volume", "inspect", volume).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0;
    }

    @Test
    void anUnknownContainerInspectsAsEmpty() {
        assertThat(docker().inspect("antctl-it-does-not-exist")).isEmpty();
    }

    @Test
    void execKeepsStdoutStderrAndTheExitCodeApart() {
        ExecResult r = docker().exec(container.id(), List.of("ls", "/etc", "/nope"), null, Map.of(), null,
                Duration.ofSeconds(10));

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stdout()).contains("passwd").doesNotContain("nope");
        assertThat(r.stderr()).contains("/nope").doesNotContain("passwd");
    }

    @Test
    void execRunsAsTheGivenUserWithTheGivenEnvironmentAndStdin() {
        ExecResult id = docker().exec(container.id(), List.of("id", "-un"), "ant", Map.of(), null, Duration.ofSeconds(10));
        ExecResult env = docker().exec(container.id(), List.of("env"), null,
                Map.of("ANTFLEET_X", "a=b,c"), null, Duration.ofSeconds(10));
        String input = "y\n✓ multi-byte\n";
        String bytes = Integer.toString(input.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        ExecResult cat = docker().exec(container.id(), List.of("head", "-c", bytes), null, Map.of(), input,
                Duration.ofSeconds(10));

        assertThat(id.stdout().strip()).isEqualTo("ant");
        assertThat(env.stdout().lines()).contains("ANTFLEET_X=a=b,c");
        assertThat(cat.stdout()).isEqualTo("y\n✓ multi-byte\n");
    }

    @Test
    void anExecPastItsBoundIsReportedAndItsProcessKilled() {
        String marker = "7" + System.nanoTime() % 100000;

        assertThatThrownBy(() -> docker().exec(container.id(), List.of("sleep", marker), null, Map.of(), null,
                Duration.ofMillis(500)))
                .isInstanceOfSatisfying(ExecTimeoutException.class, e -> {
                    assertThat(e.container()).isEqualTo(container.id());
                    assertThat(e.command()).containsExactly("sleep", marker);
                })
                .hasMessageContaining("did not finish within");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(docker().exec(container.id(),
                List.of("ps"), null, Map.of(), null, Duration.ofSeconds(10)).stdout()).doesNotContain("sleep " + marker));
    }

    @Test
    void execInAMissingContainerNamesIt() {
        assertThatThrownBy(() -> docker().exec("antctl-it-missing", List.of("true"), null, Map.of(), null,
                Duration.ofSeconds(5))).isInstanceOf(DockerOperationException.class)
                .hasMessageContaining("antctl-it-missing");
    }
}
