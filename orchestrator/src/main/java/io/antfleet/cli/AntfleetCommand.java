package io.antfleet.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.store.StoreConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code antfleet} command: global options, and the injector its subcommands share. */
@Command(
        name = "antfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs fleets of Autonomi antnode nodes across Docker containers, driving antctl in each.",
        subcommands = {
                ApplyCommand.class,
                ImportCommand.class,
                StatusCommand.class,
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

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (key=value, wnm's names accepted).")
    Path configFile;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class, description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = {"-v", "--verbose"}, description = "Log what antfleet does on stderr.")
    boolean verbose;

    private final Function<GlobalOptions, List<Module>> modules;
    private Injector injector;

    AntfleetCommand(Function<GlobalOptions, List<Module>> modules) {
        this.modules = modules;
    }

    GlobalOptions globalOptions() {
        Optional<String> db = Optional.ofNullable(dbUrl).or(() -> Optional.ofNullable(System.getenv("ANTFLEET_DB")))
                .filter(s -> !s.isBlank());
        return new GlobalOptions(db, Optional.ofNullable(configFile), output == null ? OutputFormat.TABLE : output, verbose);
    }

    /**
     * Disconnects from the database if a command opened it: the embedded database is closed by antfleet,
     * not by H2 at JVM exit, so that a SIGTERM'd {@code run} can still release its lease first.
     */
    synchronized void disconnectStore() {
        if (injector != null && injector.getExistingBinding(Key.get(StoreConnection.class)) != null) {
            injector.getInstance(StoreConnection.class).disconnect();
        }
    }

    /** The injector, built on first use so that commands that need no database never open one. */
    public synchronized Injector injector() {
        if (injector == null) {
            injector = Bootstrap.injector(modules.apply(globalOptions()));
        }
        return injector;
    }
}
