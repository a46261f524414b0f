package io.antfleet.antctl;

/**
 * antctl's {@code --version}: a release ({@code version} like 0.14.2, {@code nightlyDate} null) or a
 * nightly build ({@code version} null, {@code nightlyDate} like 2026.02.03).
 */
public record AntctlVersion(String version, String nightlyDate, String packageVersion, String gitInfo) {
    public AntctlVersion {
        if ((version == null) == (nightlyDate == null)) {
            throw new IllegalArgumentException("an antctl version is either a release or a nightly build");
        }
    }

    public boolean isNightly() {
        return nightlyDate != null;
    }

    /** The release's major.minor ("0.14"), or null for a nightly build. */
    public String series() {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    @Override
    public String toString() {
        return isNightly() ? "nightly " + nightlyDate : "v" + version;
    }
}
