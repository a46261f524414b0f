package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.decide.ResourceLevels;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.metrics.FleetSeries;
import io.antfleet.notify.EventDetector;
import io.antfleet.notify.FleetEvent;
import io.antfleet.notify.Notifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What each run cycle saw, handed to the two places that tell the operator: the per-node and host series of
 * {@code --metrics-listen} (for Grafana and the Prometheus alert rules) and the {@link EventDetector}, whose
 * events go to the spec's webhooks through the {@link Notifier} set by {@link #notifyThrough}. Never throws
 * into the loop: telling is never a reason for a cycle to fail.
 */
public final class RunEvents {
    private final FleetMetrics metrics;
    private final EventDetector detector = new EventDetector();
    private final AtomicReference<Optional<Notifier>> notifier = new AtomicReference<>(Optional.empty());

    @Inject
    public RunEvents(FleetMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** From now on events also go to these webhooks (the run command sets it from the spec's notify section). */
    public void notifyThrough(Notifier n) {
        notifier.set(Optional.of(n));
    }

    void cycle(Instant at, Observation seen, HostSample sample, AutoscaleSettings settings, Optional<String> halted) {
        FleetSeries series = metrics.series();
        List<FleetSeries.NodeSample> samples = new ArrayList<>();
        new TreeMap<>(seen.nodes()).forEach((c, list) -> list.forEach(n -> samples.add(sample(c, n))));
        series.nodes(samples);
        Map<String, Boolean> up = new TreeMap<>();
        seen.containers().keySet().forEach(c -> up.put(c, true));
        seen.docker().down().keySet().forEach(c -> up.put(c, false));
        if (seen.docker().unreachable().isEmpty()) {
            series.containers(up);
        }
        ResourceLevels l = settings.levels();
        series.host(List.of(new FleetSeries.Resource("cpu", sample.cpuPercent(), l.cpuLessThan(), l.cpuRemove()),
                new FleetSeries.Resource("mem", sample.memPercent(), l.memLessThan(), l.memRemove()),
                new FleetSeries.Resource("disk", sample.diskPercent(), l.hdLessThan(), l.hdRemove()),
                new FleetSeries.Resource("load1", sample.load1(), l.desiredLoadAverage(), l.maxLoadAverageAllowed())));
        series.upgradeHalted(halted.isPresent());
        series.leaseHeld(true);
        EventDetector.Found found = detector.cycle(at, seen.nodes(), seen.docker().down(), List.of(
                new EventDetector.Level("cpu", sample.cpuPercent(), l.cpuRemove()),
                new EventDetector.Level("mem", sample.memPercent(), l.memRemove()),
                new EventDetector.Level("disk", sample.diskPercent(), l.hdRemove()),
                new EventDetector.Level("load1", sample.load1(), l.maxLoadAverageAllowed())), halted);
        found.restarted().forEach(s -> {
            int slash = s.lastIndexOf('/');
            series.restarted(s.substring(0, slash), s.substring(slash + 1));
        });
        tell(found.events());
    }

    void cycleFailed(Instant at, String error) {
        metrics.series().cycleFailed();
        tell(detector.cycleFailed(at, error));
    }

    void leaseLost(Instant at, String why) {
        metrics.series().leaseHeld(false);
        tell(detector.leaseLost(at, why));
    }

    private void tell(List<FleetEvent> events) {
        if (!events.isEmpty()) {
            notifier.get().ifPresent(n -> n.offer(events));
        }
    }

    private static FleetSeries.NodeSample sample(String container, Node n) {
        return new FleetSeries.NodeSample(container, n.service().value(), n.status().name(), n.readings().records(),
                n.readings().connectedPeers(), n.readings().rewards());
    }
}
