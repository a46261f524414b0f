package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.config.OutputFormat;
import io.antfleet.store.Migrations;
import io.antfleet.store.Migrations.MigrationOutcome;
import io.antfleet.store.Migrations.SchemaStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code antfleet db migrate|status}: the schema of the store. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Shows or migrates the database schema.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Status.class})
public final class DbCommand {
    @ParentCommand
    AntfleetCommand root;

    private final Provider<Migrations> migrations;

    @Inject
    DbCommand(Provider<Migrations> migrations) {
        this.migrations = migrations;
    }

    Migrations migrations() {
        return migrations.get();
    }

    boolean json() {
        return root.globalOptions().output() == OutputFormat.JSON;
    }

    /** What both subcommands share: one call to the store's migrations, printed as text or JSON. */
    abstract static class DbSubcommand implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            print(db.migrations(), spec.commandLine().getOut(), db.json());
            return ExitCodes.OK;
        }

        abstract void print(Migrations migrations, PrintWriter out, boolean json);
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Applies pending migrations and prints the schema version; a no-op when up to date.")
    static final class Migrate extends DbSubcommand {
        @Override
        void print(Migrations migrations, PrintWriter out, boolean json) {
            MigrationOutcome outcome = migrations.migrate();
            if (json) {
                out.printf("{\"version\":%s,\"applied\":%d}%n", quoted(outcome.version()), outcome.applied());
            } else if (outcome.applied() == 0) {
                out.printf("schema is up to date at version %s; nothing to migrate%n", outcome.version());
            } else {
                out.printf("applied %d migration%s; schema version %s%n", outcome.applied(),
                        outcome.applied() == 1 ? "" : "s", outcome.version());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints the database, its schema version and the number of pending migrations.")
    static final class Status extends DbSubcommand {
        @Override
        void print(Migrations migrations, PrintWriter out, boolean json) {
            SchemaStatus status = migrations.status();
            if (json) {
                out.printf("{\"database\":%s,\"version\":%s,\"pending\":%d}%n", quoted(status.database()),
                        quoted(status.version()), status.pending());
            } else {
                out.printf("database: %s%nschema version: %s%npending migrations: %d%n", status.database(),
                        status.version() == null ? "none (empty database)" : status.version(), status.pending());
            }
        }
    }

    static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
