package io.antfleet.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options every antfleet command shares, as given on the command line (before environment,
 * config file and database settings are merged in).
 *
 * @param dbUrl a JDBC URL ({@code jdbc:mariadb://...}); empty means the embedded default database
 * @param dbPasswordFile a file holding the database password, for a URL that names none
 */
public record GlobalOptions(Optional<String> dbUrl, Optional<Path> configFile, OutputFormat output, boolean verbose,
        Optional<Path> dbPasswordFile) {
    public GlobalOptions {
        requireNonNull(dbUrl, "dbUrl is null");
        requireNonNull(configFile, "configFile is null");
        requireNonNull(output, "output is null");
        requireNonNull(dbPasswordFile, "dbPasswordFile is null");
    }

    public GlobalOptions(Optional<String> dbUrl, Optional<Path> configFile, OutputFormat output, boolean verbose) {
        this(dbUrl, configFile, output, verbose, Optional.empty());
    }

    public static GlobalOptions defaults() {
        return new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false);
    }
}
