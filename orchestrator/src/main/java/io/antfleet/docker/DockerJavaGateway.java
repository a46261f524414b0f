package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The docker-java implementation of {@link DockerGateway}: one client for requests (bounded by the response
 * timeout) and one for exec streams (bounded by each exec's own timeout), closed with {@link #close()}.
 */
public final class DockerJavaGateway implements DockerGateway, AutoCloseable {
    private final DockerSettings settings;
    private DockerClient client;
    private DockerClient streams;
    private DockerExecutor executor;

    /** Connects on first use, so commands that never touch Docker open nothing. */
    public DockerJavaGateway(DockerSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    private synchronized DockerClient client() {
        if (client == null) {
            client = connect(settings, settings.responseTimeout());
            // An exec's output stream may rightly stay silent for minutes (antctl start waits for peers): the
            // stream gets a client without a response timeout, and the exec's own bound alone decides.
            streams = connect(settings, Duration.ZERO);
            executor = new DockerExecutor(client, streams);
        }
        return client;
    }

    private synchronized DockerExecutor executor() {
        client();
        return executor;
    }

    private static DockerClient connect(DockerSettings settings, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.host())
                .withApiVersion(settings.apiVersion());
        // without tls, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH still apply to the local engine as docker-java reads them
        settings.tls().ifPresent(tls -> builder.withDockerTlsVerify(true).withCustomSslConfig(new PemSslConfig(tls)));
        DefaultDockerClientConfig config = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's version: whether it answers (and trusts this client), for {@link DockerEngineCheck}. */
    String serverVersion() {
        return call("ask Docker at " + settings.host() + " for its version", () -> client().versionCmd().exec().getVersion());
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        String id = call("create container " + spec.name(), () -> createCommand(spec).exec().getId());
        call("start container " + spec.name() + " (" + id + ")", () -> client().startContainerCmd(id).exec());
        return id;
    }

    /**
     * What an agent container keeps of Docker's default capabilities: files and their owners (antctl writes
     * the registry and node dirs, as root or for the ant user), signals to its nodes, and switching to the
     * ant user (OpenRC's start-stop-daemon, {@code docker exec --user}). No raw sockets, device nodes,
     * chroot, audit, capability or low-port changes: nodes listen on high ports.
     */
    static final List<Capability> KEPT_CAPABILITIES = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.FSETID, Capability.KILL, Capability.SETGID, Capability.SETUID);
    /** Room for hundreds of nodes of dozens of threads each, while a fork bomb stays inside its container. */
    static final long PIDS_LIMIT = 16_384;

    private CreateContainerCmd createCommand(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(spec.networkMode())
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withCapDrop(Capability.ALL)
                .withCapAdd(KEPT_CAPABILITIES.toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withPidsLimit(PIDS_LIMIT);
        if (spec.volume() != null && spec.volumeMount() != null) {
            host = host.withBinds(Bind.parse(spec.volume() + ":" + spec.volumeMount()));
        }
        if (spec.cpus() != null) {
            host = host.withNanoCPUs(Math.round(spec.cpus() * 1_000_000_000L));
        }
        if (spec.memoryBytes() != null) {
            host = host.withMemory(spec.memoryBytes());
        }
        CreateContainerCmd create = client().createContainerCmd(spec.image()).withName(spec.name())
                .withLabels(spec.labels()).withHostConfig(host);
        // docker-java puts a fixed address into the endpoint config of the network named by the network mode
        if (spec.ipv4Address() != null) {
            create = create.withIpv4Address(spec.ipv4Address());
        }
        if (spec.ipv6Address() != null) {
            create = create.withIpv6Address(spec.ipv6Address());
        }
        return create;
    }

    @Override
    public void start(String container) {
        try {
            call("start container " + container, () -> client().startContainerCmd(container).exec());
        } catch (DockerOperationException e) {
            if (!(e.getCause() instanceof NotModifiedException)) {
                throw e;
            }
        }
    }

    @Override
    public void stop(String container, Duration timeout) {
        try {
            call("stop container " + container,
                    () -> client().stopContainerCmd(container).withTimeout((int) timeout.toSeconds()).exec());
        } catch (DockerOperationException e) {
            if (!(e.getCause() instanceof NotModifiedException)) {
                throw e;
            }
        }
    }

    @Override
    public void remove(String container, boolean removeVolumes) {
        List<String> named = removeVolumes ? namedVolumes(container) : List.of();
        call("remove container " + container,
                () -> client().removeContainerCmd(container).withForce(true).withRemoveVolumes(removeVolumes).exec());
        for (String volume : named) {
            removeVolume(volume);
        }
    }

    /** Docker's own "remove volumes" takes anonymous ones only; antfleet's node data is in named ones. */
    private List<String> namedVolumes(String container) {
        InspectContainerResponse r = call("inspect container " + container, () -> client().inspectContainerCmd(container).exec());
        List<String> names = new ArrayList<>();
        if (r.getMounts() != null) {
            r.getMounts().stream().filter(m -> m.getName() != null).forEach(m -> names.add(m.getName()));
        }
        return names;
    }

    private void removeVolume(String volume) {
        try {
            client().removeVolumeCmd(volume).exec();
        } catch (NotFoundException e) {
            // already gone: the outcome asked for
        } catch (RuntimeException e) {
            // e.g. still mounted by another container: that one keeps it
            throw new DockerOperationException("removed the container but not its volume " + volume + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        List<String> filters = new ArrayList<>();
        labels.forEach((key, value) -> filters.add(value == null ? key : key + "=" + value));
        return infos(call("list containers by labels " + filters,
                () -> client().listContainersCmd().withShowAll(true).withLabelFilter(filters).exec()));
    }

    /** {@inheritDoc} Docker's name filter matches a part of the name, so the exact names are picked here. */
    @Override
    public List<ContainerInfo> listByNames(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return infos(call("list containers named " + names,
                () -> client().listContainersCmd().withShowAll(true).withNameFilter(names).exec()))
                .stream().filter(i -> names.contains(i.name())).toList();
    }

    private static List<ContainerInfo> infos(List<com.github.dockerjava.api.model.Container> found) {
        List<ContainerInfo> result = new ArrayList<>();
        for (com.github.dockerjava.api.model.Container c : found) {
            String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : stripSlash(c.getNames()[0]);
            String network = c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
            result.add(new ContainerInfo(c.getId(), name, c.getImage(), "running".equals(c.getState()), network,
                    c.getLabels() == null ? Map.of() : c.getLabels(), c.getImageId()));
        }
        return result;
    }

    @Override
    public Optional<ContainerInfo> inspect(String container) {
        InspectContainerResponse r;
        try {
            r = client().inspectContainerCmd(container).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new DockerOperationException("cannot inspect container " + container + ": " + e.getMessage(), e);
        }
        Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
                ? Map.of() : r.getConfig().getLabels();
        return Optional.of(new ContainerInfo(r.getId(), stripSlash(r.getName()),
                r.getConfig() == null ? null : r.getConfig().getImage(),
                r.getState() != null && Boolean.TRUE.equals(r.getState().getRunning()),
                r.getHostConfig() == null ? null : r.getHostConfig().getNetworkMode(), labels, r.getImageId()));
    }

    /**
     * {@inheritDoc} The end of {@code stdin} is not signalled (docker-java's httpclient5 transport cannot
     * half-close the hijacked stream), so only programs that stop reading by themselves can be fed, e.g. a
     * prompt answer or {@code head -c N}; anything reading to EOF runs into the timeout.
     */
    @Override
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env,
            String stdin, Duration timeout) {
        try {
            return executor().exec(container, command, user, env, stdin, timeout);
        } catch (DockerOperationException e) {
            // the socket gone or refused (not a slow command): the engine, not the container, is the problem
            if (!(e instanceof ExecTimeoutException) && !(e instanceof EngineUnreachableException) && causedBy(e, IOException.class)) {
                throw new EngineUnreachableException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            client.close();
            streams.close();
            client = null;
        } catch (IOException e) {
            throw new DockerOperationException("cannot close the Docker client: " + e.getMessage(), e);
        }
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw new DockerOperationException("cannot " + what + ": not found (" + firstLine(e.getMessage()) + ")", e);
        } catch (RuntimeException e) {
            String where = causedBy(e, javax.net.ssl.SSLException.class) ? " (TLS with Docker at " + settings.host()
                    + " failed: the engine refused the client certificate, or its own is not signed by the CA given)"
                    : causedBy(e, IOException.class) ? " (no answer from Docker at " + settings.host() + ")"
                    + (settings.tls().isPresent() ? "; with TLS this is also how an engine that refused the client"
                    + " certificate looks" : "") : "";
            String message = "cannot " + what + ": " + firstLine(e.getMessage()) + where;
            throw where.isEmpty() ? new DockerOperationException(message, e) : new EngineUnreachableException(message, e);
        }
    }

    /** A socket that is gone or refuses (IOException): the daemon is down or restarting, not a bad request. */
    private static boolean causedBy(Throwable e, Class<? extends IOException> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void call(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl);
    }
}
