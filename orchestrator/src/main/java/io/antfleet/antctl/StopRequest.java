package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.util.List;

/** {@code antctl stop}; {@code interval} (null = none) is slept between nodes. */
public record StopRequest(List<ServiceName> services, Duration interval) {
    public StopRequest {
        services = Requests.names(services, "stop");
        Requests.positive("stop interval", interval);
    }
}
