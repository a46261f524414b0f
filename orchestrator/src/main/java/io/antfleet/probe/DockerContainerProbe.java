package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ContainerProbe} over {@code docker exec <container> antfleet-probe} as the image's default user (the
 * user whose {@code HOME} holds the ant registry, ant-v2-contract.md §4.1), under {@code timeout -s KILL} so a
 * stuck probe dies inside the container at its bound.
 */
public final class DockerContainerProbe implements ContainerProbe {
    public static final String PROGRAM = "antfleet-probe";
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

    private final DockerGateways gateways;
    private final ProbeParser parser;
    private final Duration timeout;

    /** Over the local engine alone. */
    public DockerContainerProbe(DockerGateway gateway, ProbeParser parser, Duration timeout) {
        this(DockerGateways.only(gateway), parser, timeout);
    }

    /** Through the engine of each container's host. */
    public DockerContainerProbe(DockerGateways gateways, ProbeParser parser, Duration timeout) {
        this.gateways = requireNonNull(gateways, "gateways is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("probe timeout " + timeout + " is under a second");
        }
    }

    /** The exec's argument list (never a shell string). */
    public List<String> command() {
        return command(ProbeRequest.NONE);
    }

    /** The exec's argument list for {@code request}. */
    public List<String> command(ProbeRequest request) {
        List<String> command = new ArrayList<>(List.of("timeout", "-s", "KILL", Long.toString(timeout.toSeconds()), PROGRAM));
        command.addAll(request.arguments());
        return command;
    }

    @Override
    public ProbeDocument probe(String host, String container, ProbeRequest request) {
        ExecResult result;
        try {
            result = gateways.forHost(host).exec(container, command(request), null, Map.of(), null, timeout.plus(CLIENT_GRACE));
        } catch (DockerOperationException e) {
            throw new ProbeException("container " + container + ": " + PROGRAM + " did not run: " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new ProbeException("container " + container + ": " + PROGRAM + " exited " + result.exitCode()
                    + (result.exitCode() == 127 ? " (the image lacks it)" : "") + ": " + firstLine(result.stderr()));
        }
        try {
            return parser.parse(result.stdout());
        } catch (ProbeFormatException e) {
            throw new ProbeException("container " + container + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
