package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.util.List;

/**
 * {@code antctl start}. Without {@code interval} antctl blocks per node until it has peers, up to
 * {@code connectionTimeout} (antctl's default 300 s when null); with it, antctl sleeps that long
 * before each node instead.
 */
public record StartRequest(List<ServiceName> services, Duration interval, Duration connectionTimeout) {
    public StartRequest {
        services = Requests.names(services, "start");
        Requests.positive("start interval", interval);
        Requests.positive("start connection timeout", connectionTimeout);
    }
}
