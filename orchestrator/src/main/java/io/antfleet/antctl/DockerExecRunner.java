package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.ExecTimeoutException;
import io.antfleet.fleet.ProcessManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs antctl through {@code docker exec}: {@code antctl+user} as the image's non-root user (registry in
 * its home), {@code antctl+sudo} as root (the system-wide registry). The command runs under
 * {@code timeout -s KILL <bound>} so antctl dies at its bound even if the client stops waiting.
 */
public final class DockerExecRunner implements AntctlRunner {
    private static final int KILLED = 137;
    private static final int NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;
    private static final Duration WRAPPER_SLACK = Duration.ofMillis(500);

    private final DockerGateway gateway;
    private final String container;
    private final String displayName;
    private final ProcessManager mode;
    private final AntctlSettings settings;
    private final LongSupplier nanoTime;
    private final String knownImageId;

    public DockerExecRunner(DockerGateway gateway, String container, ProcessManager mode, AntctlSettings settings) {
        this(gateway, container, container, mode, settings);
    }

    public DockerExecRunner(DockerGateway gateway, String container, String displayName, ProcessManager mode,
            AntctlSettings settings) {
        this(gateway, container, displayName, mode, settings, (String) null);
    }

    /** {@code imageId}: the container's image as Docker reported it (null: asked of Docker when needed). */
    public DockerExecRunner(DockerGateway gateway, String container, String displayName, ProcessManager mode,
            AntctlSettings settings, String imageId) {
        this(gateway, container, displayName, mode, settings, System::nanoTime, imageId);
    }

    DockerExecRunner(DockerGateway gateway, String container, String displayName, ProcessManager mode,
            AntctlSettings settings, LongSupplier nanoTime) {
        this(gateway, container, displayName, mode, settings, nanoTime, null);
    }

    /** {@code container} is how Docker is addressed (an id), {@code displayName} how messages name it. */
    private DockerExecRunner(DockerGateway gateway, String container, String displayName, ProcessManager mode,
            AntctlSettings settings, LongSupplier nanoTime, String imageId) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.container = requireNonNull(container, "container is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.knownImageId = imageId;
    }

    @Override
    public String target() {
        return "container " + displayName + " (" + mode.label() + ")";
    }

    @Override
    public ExecResult runBeside(List<String> program, Duration timeout) {
        List<String> command = wrapped(timeout);
        command.addAll(program);
        try {
            return gateway.exec(container, command, user(), Map.of(), null, timeout.plus(settings.clientGrace()));
        } catch (ExecTimeoutException e) {
            throw new AntctlTimeoutException(target(), program, timeout, e);
        }
    }

    /** Docker's word for the container's image: as given, else one API call (no process in the container). */
    @Override
    public Optional<String> imageId() {
        if (knownImageId != null) {
            return Optional.of(knownImageId);
        }
        return gateway.inspect(container).map(ContainerInfo::imageId);
    }

    private String user() {
        return mode.runsAsRoot() ? "root" : settings.containerUser();
    }

    private List<String> wrapped(Duration timeout) {
        List<String> command = new ArrayList<>();
        if (!settings.killWrapper().isEmpty()) {
            command.addAll(settings.killWrapper());
            command.add(Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)));
        }
        return command;
    }

    @Override
    public ExecResult run(List<String> args, Duration timeout) {
        List<String> command = wrapped(timeout);
        command.add(settings.antctlPath());
        command.addAll(args);
        String user = mode.runsAsRoot() ? "root" : settings.containerUser();
        List<String> shown = shown(args);
        ExecResult result;
        long started = nanoTime.getAsLong();
        try {
            result = gateway.exec(container, command, user, Map.of(), null, timeout.plus(settings.clientGrace()));
        } catch (ExecTimeoutException e) {
            throw new AntctlTimeoutException(target(), shown, timeout, e);
        }
        // SIGKILL before the bound is something else (e.g. the OOM killer): left to the caller as exit 137
        boolean boundReached = nanoTime.getAsLong() - started >= timeout.toNanos() - WRAPPER_SLACK.toNanos();
        if (!settings.killWrapper().isEmpty() && result.exitCode() == KILLED && boundReached) {
            throw new AntctlTimeoutException(target(), shown, timeout, result.exitCode(), result.stderr());
        }
        if (result.exitCode() == NOT_FOUND || result.exitCode() == NOT_EXECUTABLE) {
            String output = (result.stdout() + "\n" + result.stderr()).strip();
            if (output.contains(settings.antctlPath()) || output.contains("not found")
                    || output.contains("No such file")) {
                throw new AntctlMissingException(target(), settings.antctlPath(),
                        "exit " + result.exitCode() + ", " + AntctlException.excerpt(output));
            }
        }
        return result;
    }

    private List<String> shown(List<String> args) {
        List<String> shown = new ArrayList<>();
        shown.add("antctl");
        shown.addAll(args);
        return shown;
    }
}
