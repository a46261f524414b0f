package io.antfleet.antctl;

import java.util.Map;
import java.util.function.Consumer;

/** Chooses the dialect for an antctl version. Adding support for a release line = one entry here. */
public final class Dialects {
    private static final AntctlDialect NEWEST = new Dialect014();
    private static final Map<String, AntctlDialect> BY_SERIES = Map.of("0.14", NEWEST);

    private Dialects() {
    }

    /**
     * The dialect of {@code version}'s series; for an unknown one (or a nightly build), the newest dialect
     * after a warning, or an {@link UnsupportedAntctlException} when the policy refuses.
     */
    public static AntctlDialect choose(AntctlVersion version, UnknownVersionPolicy policy, String target,
            Consumer<String> warn) {
        AntctlDialect known = version.series() == null ? null : BY_SERIES.get(version.series());
        if (known != null) {
            return known;
        }
        String problem = "antctl " + version + " in " + target + " is not a known version (known: "
                + BY_SERIES.keySet() + ")";
        if (policy == UnknownVersionPolicy.REFUSE) {
            throw new UnsupportedAntctlException(problem + "; set antctl.unknownVersion=warn to try the "
                    + NEWEST.name() + " dialect, or use an image with antctl 0.14.x");
        }
        warn.accept(problem + "; driving it with the " + NEWEST.name() + " dialect");
        return NEWEST;
    }
}
