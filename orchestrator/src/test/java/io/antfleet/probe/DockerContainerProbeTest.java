package io.antfleet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerContainerProbeTest {
    private static final String ANSWER = "{\"probe\":1,\"time\":1,\"host\":{\"cpus\":2},\"disk\":{},\"nodes\":["
            + "{\"service\":\"node1\",\"dataDir\":\"/d/node-1\",\"alive\":false,\"problems\":[]}]}";
    private final FakeDockerGateway docker = new FakeDockerGateway().withContainer("c1", "ant-1", Map.of());
    private final DockerContainerProbe probe = new DockerContainerProbe(docker, new ProbeParser(), Duration.ofSeconds(20));

    @Test
    void aContainerIsReadWithOneExecOfAnArgumentListUnderAKillBound() {
        docker.onExec("c1", call -> new ExecResult(0, ANSWER, ""));

        ProbeDocument document = probe.probe("ant-1");

        assertThat(document.nodes()).extracting(ProbedNode::service).containsExactly("node1");
        assertThat(docker.execs()).hasSize(1);
        assertThat(docker.execs().get(0).command()).containsExactly("timeout", "-s", "KILL", "20", "antfleet-probe");
        assertThat(docker.execs().get(0).timeout()).isGreaterThan(Duration.ofSeconds(20));
    }

    @Test
    void anImageWithoutTheProbeIsAnErrorNamingTheContainerAndWhatIsMissing() {
        docker.onExec("c1", call -> new ExecResult(127, "", "timeout: can't execute 'antfleet-probe': No such file or directory"));

        assertThatThrownBy(() -> probe.probe("ant-1")).isInstanceOf(ProbeException.class)
                .hasMessage("container ant-1: antfleet-probe exited 127 (the image lacks it): "
                        + "timeout: can't execute 'antfleet-probe': No such file or directory");
    }

    @Test
    void garbageFromTheProbeIsAnErrorNamingTheContainer() {
        docker.onExec("c1", call -> new ExecResult(0, "Segmentation fault", ""));

        assertThatThrownBy(() -> probe.probe("ant-1")).isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("container ant-1: probe answer is not JSON");
    }

    @Test
    void anUnreachableEngineIsAProbeErrorForThatContainer() {
        docker.unreachable("engine down");

        assertThatThrownBy(() -> probe.probe("ant-1")).isInstanceOf(ProbeException.class)
                .hasMessage("container ant-1: antfleet-probe did not run: engine down");
    }
}
