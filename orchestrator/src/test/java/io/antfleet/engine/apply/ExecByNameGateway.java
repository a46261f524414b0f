package io.antfleet.engine.apply;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes execs on the fake Docker by container name, so a test can script a container's antctl
 * before apply creates it (the fake's ids depend on creation order, which parallel apply does not fix).
 */
final class ExecByNameGateway implements DockerGateway {
    private final FakeDockerGateway fake;

    ExecByNameGateway(FakeDockerGateway fake) {
        this.fake = fake;
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        return fake.createAndStart(spec);
    }

    @Override
    public void start(String container) {
        fake.start(container);
    }

    @Override
    public void stop(String container, Duration timeout) {
        fake.stop(container, timeout);
    }

    @Override
    public void remove(String container, boolean removeVolumes) {
        fake.remove(container, removeVolumes);
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        return fake.listByLabels(labels);
    }

    @Override
    public Optional<ContainerInfo> inspect(String container) {
        return fake.inspect(container);
    }

    @Override
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        String name = fake.inspect(container).map(ContainerInfo::name).orElse(container);
        return fake.exec(name, command, user, env, stdin, timeout);
    }
}
