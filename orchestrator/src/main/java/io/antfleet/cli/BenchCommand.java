package io.antfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.antfleet.config.OutputFormat;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.bench.BenchRunner;
import io.antfleet.engine.bench.BenchSettings;
import io.antfleet.engine.bench.ScenarioResult;
import io.antfleet.store.Database;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet bench}: measures antfleet against the floor on stand-in containers of its own, in one run.
 * Uses a throw-away embedded database, never the user's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, hidden = true,
        description = {"Benchmarks antfleet against the floor (what a parallel docker exec script or a sequential "
                + "sweep achieves) on stand-in containers named bench-*, labelled antfleet.bench=true, removed after. "
                + "Host ports FIRST-PORT .. FIRST-PORT+2999."})
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Comma-separated: converge, import, sweep, idle-cycle, memory (default: all five).")
    List<String> scenarios = new ArrayList<>(BenchSettings.DEFAULT);

    @Option(names = "--containers", defaultValue = "20", description = "Stand-in containers (default: ${DEFAULT-VALUE}).")
    int containers;

    @Option(names = "--nodes-per-container", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
    int nodesPerContainer;

    @Option(names = "--first-port", defaultValue = "50000", description = "Default: ${DEFAULT-VALUE}.")
    int firstPort;

    @Option(names = "--image", defaultValue = "antfleet/agent:stand-in", description = "Default: ${DEFAULT-VALUE}.")
    String image;

    @Override
    public Integer call() {
        BenchSettings settings = new BenchSettings(scenarios, containers, nodesPerContainer, firstPort, image);
        Injector injector = Bootstrap.injector(modules());
        // The throw-away database is created and migrated before any timing: a real fleet's database exists.
        injector.getInstance(io.antfleet.store.ContainerRepository.class).findAll();
        BenchRunner runner = new BenchRunner(injector.getInstance(DockerGateway.class),
                injector.getInstance(ImportService.class), injector.getInstance(io.antfleet.engine.apply.ApplyService.class),
                injector.getInstance(io.antfleet.engine.run.RunLoop.class));
        List<ScenarioResult> results = runner.run(settings, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (parent.globalOptions().output() == OutputFormat.JSON) {
            out.println(json(results));
        } else {
            table(results, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** antfleet's modules with the store swapped for a throw-away embedded database. */
    private List<Module> modules() {
        try {
            Path dir = Files.createTempDirectory("antfleet-bench");
            List<Module> modules = new ArrayList<>(Bootstrap.modules(parent.globalOptions()));
            modules.removeIf(m -> m instanceof StoreModule);
            modules.add(new StoreModule(Database.embedded(dir)));
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bench's temporary database directory", e);
        }
    }

    private static void table(List<ScenarioResult> results, PrintWriter out) {
        out.printf(Locale.ROOT, "%-10s %10s %10s %8s  %-4s %s%n", "SCENARIO", "ANTFLEET", "FLOOR", "RATIO", "MET", "TARGET");
        for (ScenarioResult r : results) {
            out.printf(Locale.ROOT, "%-10s %10s %10s %8s  %-4s %s%n", r.name(), seconds(r.antfleetSeconds()),
                    seconds(r.floorSeconds()), r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    r.met() ? "yes" : "NO", r.target());
            out.println("           " + r.measured());
        }
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f s", value);
    }

    private static String json(List<ScenarioResult> results) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("scenarios", results));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the bench results as JSON", e);
        }
    }
}
