package io.antfleet.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.store.Database;
import io.antfleet.store.StoreConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code antfleet} command: global options, and the injector its subcommands share. */
@Command(
        name = "antfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs fleets of Autonomi antnode nodes across Docker containers, driving antctl in each.",
        subcommands = {
                ApplyCommand.class,
                ImportCommand.class,
                FleetStatusCommand.class,
                NodeCommand.class,
                ReportCommand.class,
                TeardownCommand.class,
                RunCommand.class,
                DbCommand.class,
                ServeCommand.class,
        })
public final class AntfleetCommand {
    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Database JDBC URL, e.g. jdbc:mariadb://127.0.0.1:3306/antfleet?user=..&password=..; "
                    + "default: the embedded database under $XDG_DATA_HOME/antfleet (env ANTFLEET_DB).")
    String dbUrl;

    @Option(names = "--db-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File whose first line is the database password, for a --db URL without one "
                    + "(env ANTFLEET_DB_PASSWORD_FILE, or the password itself in ANTFLEET_DB_PASSWORD). "
                    + "A password in --db can be read by other local users with ps.")
    Path dbPasswordFile;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (key=value, wnm's names accepted).")
    Path configFile;

    // No defaultValue: an inherited option's default, applied when the subcommand is parsed, would undo a
    // value given before the subcommand.
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, converter = OutputFormatConverter.class,
            description = "table or json (default: table); report also takes text, env and config.")
    String output;

    @Option(names = {"-v", "--verbose"}, description = "Log what antfleet does on stderr.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Function<GlobalOptions, List<Module>> modules;
    private Injector injector;

    AntfleetCommand(Function<GlobalOptions, List<Module>> modules) {
        this.modules = modules;
    }

    /** The global options as given (before or after the subcommand); public for subcommands outside this package. */
    public GlobalOptions globalOptions() {
        Optional<String> db = Optional.ofNullable(dbUrl).or(() -> Optional.ofNullable(System.getenv("ANTFLEET_DB")))
                .filter(s -> !s.isBlank());
        return new GlobalOptions(db, Optional.ofNullable(configFile), outputFormat(), verbose, Optional.ofNullable(dbPasswordFile));
    }

    /** The {@code --output} value as given (lower case), for report's own formats. */
    Optional<String> rawOutput() {
        return Optional.ofNullable(output);
    }

    private OutputFormat outputFormat() {
        if (output == null || !output.equals("json") && reportRuns()) {
            return OutputFormat.TABLE;
        }
        if (OutputFormatConverter.REPORT_ONLY.contains(output)) {
            throw new ParameterException(spec.commandLine(), "--output " + output
                    + " is one of report's formats; this command takes table or json");
        }
        return output.equals("json") ? OutputFormat.JSON : OutputFormat.TABLE;
    }

    private boolean reportRuns() {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.subcommand() != null && parsed.subcommand().commandSpec().name().equals("report");
    }

    /**
     * Ends what the command started: the injector's {@link OwnedResources} (executors, the metrics sweep,
     * the Docker client), then the database if the command opened it. The embedded database is closed by
     * antfleet, not by H2 at JVM exit, so that a SIGTERM'd {@code run} can still release its lease first.
     */
    synchronized void close() {
        if (injector == null) {
            return;
        }
        injector.getInstance(OwnedResources.class).close();
        if (injector.getExistingBinding(Key.get(StoreConnection.class)) != null) {
            injector.getInstance(StoreConnection.class).disconnect();
        }
    }

    private void warnOfPasswordOnCommandLine() {
        if (dbUrl != null && Database.hasPassword(dbUrl)) {
            spec.commandLine().getErr().println("antfleet: warning: the password in --db can be read by other local users"
                    + " (ps); give it in a file with --db-password-file FILE, or in ANTFLEET_DB_PASSWORD");
        }
    }

    /** The injector, built on first use so that commands that need no database never open one. */
    public synchronized Injector injector() {
        if (injector == null) {
            warnOfPasswordOnCommandLine();
            injector = Bootstrap.injector(modules.apply(globalOptions()));
        }
        return injector;
    }
}
