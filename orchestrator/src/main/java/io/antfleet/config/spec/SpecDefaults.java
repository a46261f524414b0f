package io.antfleet.config.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.Autoscale;
import io.antfleet.fleet.spec.PortPlan;

/**
 * What a spec's {@code autoscale} and {@code ports} keys default to when the spec leaves them out: wnm's
 * defaults, or the global settings (node-cap, cpu-add, port_start, …) that stand in for them. A key the
 * spec gives always wins.
 */
public record SpecDefaults(Autoscale autoscale, PortPlan ports) {
    public static final SpecDefaults WNM = new SpecDefaults(Autoscale.DEFAULTS, PortPlan.DEFAULT);

    public SpecDefaults {
        requireNonNull(autoscale, "autoscale is null");
        requireNonNull(ports, "ports is null");
    }
}
