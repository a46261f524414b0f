package io.antfleet.cli.render;

import io.antfleet.fleet.spec.HostSpec;

/** How output names a container with its host: as before for the local engine, {@code far/NAME} for another host's. */
public final class HostNames {
    private HostNames() {
    }

    public static String qualified(String container, String host) {
        return HostSpec.LOCAL.equals(host) ? container : host + "/" + container;
    }
}
