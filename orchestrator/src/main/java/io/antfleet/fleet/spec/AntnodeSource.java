package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ArgumentRules;

/** Where antctl gets the antnode binary: the latest release, a pinned version, or a path in the container. */
public sealed interface AntnodeSource permits AntnodeSource.Latest, AntnodeSource.Version, AntnodeSource.Path {
    record Latest() implements AntnodeSource {
    }

    /** A release antctl downloads: X.Y.Z or X.Y.Z-pre.release ({@link ArgumentRules#isVersion}, as antctl is given it). */
    record Version(String version) implements AntnodeSource {
        public Version {
            requireNonNull(version, "version is null");
            if (!ArgumentRules.isVersion(version)) {
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
            if (!ArgumentRules.isSafePath(path)) {
                throw new IllegalArgumentException("antnode path '" + path + "' is not one antctl is given (letters, digits"
                        + " and _ . / + @ - only, no '..')");
            }
        }
    }
}
