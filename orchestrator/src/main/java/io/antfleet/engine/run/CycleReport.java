package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.decide.Decisions;
import io.antfleet.fleet.decide.HostSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.antfleet.fleet.spec.HostSpec;
import java.util.Optional;

/**
 * One cycle: when it ran, the local host's sample and every measured host's ({@code hosts}, by name), how many nodes answered the sweep, the decisions
 * with their reasons, what came of them (empty in a dry run), notes (a halted upgrade, a re-survey, a
 * container down, Docker unreachable), and what Docker said of the containers.
 */
public record CycleReport(Instant at, Duration took, HostSample sample, int swept, int answering, Decisions decisions,
        Optional<ExecutionReport> execution, List<String> notes, DockerView docker, Map<String, HostSample> hosts) {
    /** A cycle of the local host alone. */
    public CycleReport(Instant at, Duration took, HostSample sample, int swept, int answering, Decisions decisions,
            Optional<ExecutionReport> execution, List<String> notes, DockerView docker) {
        this(at, took, sample, swept, answering, decisions, execution, notes, docker, Map.of(HostSpec.LOCAL, sample));
    }

    public CycleReport {
        hosts = Map.copyOf(hosts);
        requireNonNull(at, "at is null");
        requireNonNull(took, "took is null");
        requireNonNull(sample, "sample is null");
        requireNonNull(decisions, "decisions is null");
        requireNonNull(execution, "execution is null");
        notes = List.copyOf(notes);
        requireNonNull(docker, "docker is null");
    }

    public boolean ok() {
        return execution.map(ExecutionReport::ok).orElse(true);
    }
}
