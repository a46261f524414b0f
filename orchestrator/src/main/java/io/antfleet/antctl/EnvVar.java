package io.antfleet.antctl;

/** One {@code --env K=V}: antctl takes one variable per occurrence, with no comma splitting. */
public record EnvVar(String key, String value) {
    public EnvVar {
        Arguments.envKey(key);
        Arguments.envValue(key, value);
    }

    /** Parses {@code K=V}. */
    public static EnvVar parse(String assignment) {
        int eq = assignment == null ? -1 : assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("invalid environment assignment '" + assignment + "' (expected KEY=VALUE)");
        }
        return new EnvVar(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
