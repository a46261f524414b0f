package io.antfleet.serve;

import io.antfleet.fleet.Container;
import io.antfleet.store.ContainerRepository;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The recorded container a dashboard request names: its Docker name, on the host {@code host=} names. Docker names
 * are unique per host only, so a name that two hosts have, given without a host, is refused (409, naming the hosts)
 * rather than taken from the local engine: a node action or a chart must never land on another host's container.
 */
final class RequestedContainer {
    private RequestedContainer() {
    }

    /**
     * @param host the host's name; null or blank: whichever host has the only container of that name
     * @throws BadRequestException 404 when none is recorded, 409 when several hosts have one and no host was given
     */
    static Container one(ContainerRepository containers, String host, String name) {
        if (host != null && !host.isBlank()) {
            return containers.findByName(host, name).orElseThrow(() -> new BadRequestException(404,
                    "no container '" + name + "' is recorded on host " + host));
        }
        List<Container> found = containers.findAllByName(name);
        if (found.isEmpty()) {
            throw new BadRequestException(404, "no container '" + name + "' is recorded");
        }
        if (found.size() > 1) {
            throw new BadRequestException(409, "container '" + name + "' is recorded on hosts "
                    + found.stream().map(Container::host).collect(Collectors.joining(", ")) + ": add host=NAME");
        }
        return found.get(0);
    }
}
