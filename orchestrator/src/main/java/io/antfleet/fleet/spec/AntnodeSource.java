package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Where antctl gets the antnode binary: the latest release, a pinned version, or a path in the container. */
public sealed interface AntnodeSource permits AntnodeSource.Latest, AntnodeSource.Version, AntnodeSource.Path {
    record Latest() implements AntnodeSource {
    }

    record Version(String version) implements AntnodeSource {
        private static final Pattern SEMVER = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?");

        public Version {
            requireNonNull(version, "version is null");
            if (!SEMVER.matcher(version).matches()) {
                throw new IllegalArgumentException("invalid antnode version '" + version + "' (expected X.Y.Z, e.g. 0.4.17)");
            }
        }
    }

    /** A binary inside the container (antctl copies it to each node's data dir). */
    record Path(String path) implements AntnodeSource {
        public Path {
            requireNonNull(path, "path is null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("antnode path '" + path + "' is not absolute");
            }
        }
    }
}
