package io.antfleet.engine.report;

import io.antfleet.fleet.decide.HostSample;

/** One reading of the host's resources for {@code machine-metrics}. */
public interface HostProbe {
    HostSample sample();
}
