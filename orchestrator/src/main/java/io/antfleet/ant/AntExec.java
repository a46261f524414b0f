package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.ExecTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a program in one container through {@code docker exec}, as the image's default user (every call the
 * same user and {@code HOME}, or {@code ant} sees another registry: §4.1), with {@code NO_COLOR=1} (§1),
 * under {@code timeout -s KILL <bound>} so it dies at its bound even if antfleet stops waiting. A program the
 * image lacks is an {@link AntMissingException}; any other exit is data for the caller.
 */
public class AntExec {
    private static final int NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private final DockerGateway gateway;
    private final String container;
    private final String target;
    private final AntSettings settings;

    public AntExec(DockerGateway gateway, String container, String displayName, AntSettings settings) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.container = requireNonNull(container, "container is null");
        this.target = "container " + requireNonNull(displayName, "displayName is null") + " (ant)";
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** How errors name the container. */
    public String target() {
        return target;
    }

    /** Docker's word for the container's image ({@code sha256:...}), empty where it cannot say: one API call. */
    public Optional<String> imageId() {
        try {
            return gateway.inspect(container).map(ContainerInfo::imageId);
        } catch (RuntimeException e) {
            return Optional.empty(); // the container's own calls will say what is wrong
        }
    }

    /** {@code ant <args>}. */
    public ExecResult ant(List<String> args, Duration timeout) {
        return run(settings.antPath(), args, timeout);
    }

    /** Another program the contract needs beside ant ({@code curl}, {@code rm}, {@code cat}, {@code env}). */
    public ExecResult run(String program, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        if (!settings.killWrapper().isEmpty()) {
            command.addAll(settings.killWrapper());
            command.add(Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)));
        }
        command.add(program);
        command.addAll(args);
        List<String> shown = shown(program, args);
        ExecResult result;
        try {
            result = gateway.exec(container, command, null, Map.of("NO_COLOR", "1"), null,
                    timeout.plus(settings.clientGrace()));
        } catch (ExecTimeoutException e) {
            throw new AntException("no answer within " + timeout.toSeconds() + " s", target, shown, -1, e.getMessage());
        }
        if (result.exitCode() == NOT_FOUND || result.exitCode() == NOT_EXECUTABLE) {
            String said = (result.stdout() + "\n" + result.stderr()).strip();
            if (said.contains(program) || said.contains("not found") || said.contains("No such file")) {
                throw new AntMissingException(target, program, shown, result.exitCode(), said);
            }
        }
        return result;
    }

    /** The failure of {@code result} as an exception naming the command. */
    public AntException failed(String message, String program, List<String> args, ExecResult result) {
        return new AntException(message, target, shown(program, args), result.exitCode(),
                (result.stderr() + "\n" + result.stdout()).strip());
    }

    static List<String> shown(String program, List<String> args) {
        List<String> shown = new ArrayList<>();
        shown.add(program);
        shown.addAll(args);
        return shown;
    }
}
