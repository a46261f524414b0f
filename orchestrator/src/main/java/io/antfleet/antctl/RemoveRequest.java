package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.util.List;

/** {@code antctl remove}; the registry entries stay, as Removed, and their numbers are never reused. */
public record RemoveRequest(List<ServiceName> services, boolean keepDirectories) {
    public RemoveRequest {
        services = Requests.names(services, "remove");
    }
}
