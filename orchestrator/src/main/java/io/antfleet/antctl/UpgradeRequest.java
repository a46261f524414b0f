package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.util.List;

/** {@code antctl upgrade} of the named nodes to a local binary or a version (both null = latest). */
public record UpgradeRequest(List<ServiceName> services, String binaryPath, String version, boolean force,
        boolean doNotStart, Duration interval, Duration connectionTimeout, List<EnvVar> env) {
    public UpgradeRequest {
        services = Requests.names(services, "upgrade");
        if (binaryPath != null) {
            Arguments.absolutePath("antnode binary path", binaryPath);
        }
        if (version != null) {
            Arguments.version("antnode version", version);
        }
        if (binaryPath != null && version != null) {
            throw new IllegalArgumentException("give either an antnode binary path (" + binaryPath
                    + ") or a version (" + version + ") to upgrade to, not both");
        }
        Requests.positive("upgrade interval", interval);
        Requests.positive("upgrade connection timeout", connectionTimeout);
        env = List.copyOf(env == null ? List.of() : env);
    }
}
