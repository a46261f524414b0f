package io.antfleet.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options every antfleet command shares, as given on the command line (before environment,
 * config file and database settings are merged in).
 *
 * @param dbUrl a JDBC URL ({@code jdbc:mariadb://...}); empty means the embedded default database
 */
public record GlobalOptions(Optional<String> dbUrl, Optional<Path> configFile, OutputFormat output, boolean verbose) {
    public GlobalOptions {
        requireNonNull(dbUrl, "dbUrl is null");
        requireNonNull(configFile, "configFile is null");
        requireNonNull(output, "output is null");
    }

    public static GlobalOptions defaults() {
        return new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false);
    }
}
