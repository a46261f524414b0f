package io.antfleet.cli;

import com.google.inject.Module;
import com.google.inject.ProvisionException;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.settings.InvalidSettingsException;
import io.antfleet.config.spec.InvalidSpecException;
import io.antfleet.engine.ContainerSelection;
import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.plan.NameTakenException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/** Entry point. {@link #run} returns the exit code so tests can call it; only here is it decided. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        main(List.of(), args);
    }

    /** As {@link #main(String[])}, with more subcommands (see {@link #run(List, PrintStream, PrintStream, String...)}). */
    public static void main(List<?> extraSubcommands, String[] args) {
        LogLevel.configure(args);
        System.exit(run(extraSubcommands, System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Bootstrap::modules, out, err, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with the modules chosen by the caller (tests swap bindings). */
    public static int run(Function<GlobalOptions, List<Module>> modules, PrintStream out, PrintStream err, String... args) {
        return run(modules, List.of(), out, err, args);
    }

    /**
     * As {@link #run(PrintStream, PrintStream, String...)}, with more subcommands beside antfleet's own: tools
     * built on antfleet outside the production jar (the bench module's {@code bench}) keep antfleet's global
     * options, error reporting and exit codes.
     */
    public static int run(List<?> extraSubcommands, PrintStream out, PrintStream err, String... args) {
        return run(Bootstrap::modules, extraSubcommands, out, err, args);
    }

    private static int run(Function<GlobalOptions, List<Module>> modules, List<?> extraSubcommands, PrintStream out,
            PrintStream err, String... args) {
        AntfleetCommand root = new AntfleetCommand(modules);
        CommandLine cli = new CommandLine(root, new InjectingFactory(root::injector));
        extraSubcommands.forEach(cli::addSubcommand);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((thrown, commandLine, parseResult) -> {
            Exception ex = unwrapped(thrown);
            // A spec's problems are already FILE:LINE:COL lines; other errors get the program's name.
            commandLine.getErr().println(ex instanceof InvalidSpecException ? ex.getMessage() : "antfleet: " + ex.getMessage());
            return exitCodeFor(ex);
        });
        try {
            return cli.execute(args);
        } finally {
            root.close();
        }
    }

    /** A binding that failed while Guice built it (e.g. the settings) reports its own cause, not Guice's wrapper. */
    private static Exception unwrapped(Exception ex) {
        if (ex instanceof ProvisionException && ex.getCause() instanceof AntfleetException) {
            return (AntfleetException) ex.getCause();
        }
        return ex;
    }

    static int exitCodeFor(Exception ex) {
        if (ex instanceof CommandLine.ParameterException || ex instanceof InvalidSpecException
                || ex instanceof InvalidSettingsException || ex instanceof ContainerSelection.ContainerSelectionException
                || ex instanceof NameTakenException || ex instanceof io.antfleet.engine.UnknownHostNameException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof LeaseHeldException) {
            return ExitCodes.LEASE_HELD;
        }
        if (ex instanceof AntfleetException) {
            return ExitCodes.FAILURE;
        }
        return ExitCodes.FAILURE;
    }
}
