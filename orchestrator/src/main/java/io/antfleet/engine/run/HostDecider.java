package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.Decisions;
import io.antfleet.fleet.decide.HostByHost;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.decide.ObservedFleetState;
import io.antfleet.fleet.decide.ScalableContainer;
import io.antfleet.fleet.decide.Timers;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.probe.ProbeHost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Splits one observation by host and decides each host on its own sample, timers and cap ({@link HostByHost}): the
 * local host on the sampler's figures and boot time, every other host on its probes' figures
 * ({@link RemoteHostSamples}). Only hosts with containers in this run take part, the local one first, then the
 * spec's hosts in their order. Not thread-safe: one run loop owns one.
 */
final class HostDecider {
    private final HostByHost byHost;
    private final RunState state;
    private final RemoteHostSamples remote = new RemoteHostSamples();

    HostDecider(HostByHost byHost, RunState state) {
        this.byHost = requireNonNull(byHost, "byHost is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** The cycle's decisions, each host's timers after them, and each host's sample (absent: not measured). */
    record Decided(Decisions decisions, Map<String, Timers> timers, Map<String, HostSample> samples) {
    }

    Decided decide(RunTarget target, Observation seen, HostSample local, HostSource source, AutoscaleSettings settings,
            Instant now) {
        Map<String, List<ScalableContainer>> groups = new LinkedHashMap<>();
        groups.put(HostSpec.LOCAL, new ArrayList<>());
        target.spec().hosts().forEach(h -> groups.put(h.name(), new ArrayList<>()));
        seen.state().containers().forEach(c -> groups.computeIfAbsent(seen.hostOf(c.name()), h -> new ArrayList<>()).add(c));
        List<HostByHost.HostInput> inputs = new ArrayList<>();
        Map<String, HostSample> samples = new LinkedHashMap<>();
        samples.put(HostSpec.LOCAL, local);
        ObservedFleetState whole = seen.state();
        for (Map.Entry<String, List<ScalableContainer>> e : groups.entrySet()) {
            String host = e.getKey();
            if (e.getValue().isEmpty() && !(HostSpec.LOCAL.equals(host) && groups.values().stream().allMatch(List::isEmpty))) {
                continue; // a host with no container in this run has nothing to decide
            }
            boolean isLocal = HostSpec.LOCAL.equals(host);
            Optional<HostSample> sample = isLocal ? Optional.of(local)
                    : source.remote(host, remote.of(host, seen.probedHosts().getOrDefault(host, List.<ProbeHost>of())));
            sample.ifPresent(s -> samples.put(host, s));
            ObservedFleetState state = new ObservedFleetState(e.getValue(), isLocal ? whole.hostBootTime() : null,
                    isLocal ? whole.lastCycleAt() : null);
            inputs.add(new HostByHost.HostInput(host, state, sample, nodeCap(target, host), this.state.timers(host)));
        }
        HostByHost.Result result = byHost.decide(inputs, settings, now);
        Timers localTimers = result.timers().getOrDefault(HostSpec.LOCAL, state.timers());
        return new Decided(new Decisions(result.decisions(), localTimers), result.timers(), samples);
    }

    private static OptionalInt nodeCap(RunTarget target, String host) {
        return target.spec().host(host).map(HostSpec::nodeCap).orElse(OptionalInt.empty());
    }
}
