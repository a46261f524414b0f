package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.util.List;

/** {@code antctl upgrade} of the named nodes to a local binary or a version (both null = latest). */
public record UpgradeRequest(List<ServiceName> services, String binaryPath, String version, boolean force,
        boolean doNotStart, Duration interval, Duration connectionTimeout, List<EnvVar> env) {
    public UpgradeRequest {
        services = Requests.names(services, "upgrade");
        Requests.binaryOrVersion(binaryPath, version, "a version (%s) to upgrade to");
        Requests.positive("upgrade interval", interval);
        Requests.positive("upgrade connection timeout", connectionTimeout);
        env = List.copyOf(env == null ? List.of() : env);
    }
}
