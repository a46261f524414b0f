package io.antfleet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import io.antfleet.cli.AntfleetCommand;
import io.antfleet.cli.Bootstrap;
import io.antfleet.cli.ExitCodes;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.fleet.plan.AddressLimit;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet bench}: measures antfleet against the floor on stand-in containers of its own, in one run.
 * Uses a throw-away embedded database, never the user's (an inherited {@code --db} is accepted and ignored).
 * A subcommand of antfleet's own command line ({@link BenchMain}), so antfleet's global options before
 * {@code bench} work as for any command.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, hidden = true,
        description = {"Benchmarks antfleet against the floor (the same Docker steps taken all at once, as a script "
                + "would, or a sequential sweep) on stand-in containers named bench-*, labelled antfleet.bench=true, "
                + "removed after. "
                + "Host ports FIRST-PORT .. FIRST-PORT+2999; the scale fleet (scale, scaling) SCALE-FIRST-PORT .. +14999 at 5,000 nodes."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Comma-separated: converge, import, sweep, sweep-faulty, idle-cycle, memory, scale (default: these seven); "
                    + "converge-ant, idle-cycle-ant (Autonomi v2, nodeManager: ant, on --ant-image; only when named); "
                    + "scaling (idle cycle, sweep and import at a fifth, half and all of the scale fleet; only when named).")
    List<String> scenarios = new ArrayList<>(BenchSettings.DEFAULT);

    @Option(names = "--containers", defaultValue = "20", description = "Stand-in containers (default: ${DEFAULT-VALUE}).")
    int containers;

    @Option(names = "--nodes-per-container", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
    int nodesPerContainer;

    @Option(names = "--first-port", defaultValue = "50000", description = "Default: ${DEFAULT-VALUE}.")
    int firstPort;

    @Option(names = "--image", defaultValue = "antfleet/agent:stand-in", description = "Default: ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--scale-containers", defaultValue = "100",
            description = "Containers of the scale fleet (scale, scaling). Default: ${DEFAULT-VALUE}.")
    int scaleContainers;

    @Option(names = "--scale-nodes-per-container", defaultValue = "50", description = "Default: ${DEFAULT-VALUE}.")
    int scaleNodesPerContainer;

    @Option(names = "--scale-first-port", defaultValue = "15000",
            description = "First host port of the scale fleet's node, metrics and rpc blocks (3 x 5,000 ports at "
                    + "5,000 nodes; below the ephemeral range 32768-60999, or inside its reserved ports). "
                    + "Default: ${DEFAULT-VALUE}.")
    int scaleFirstPort;

    @Option(names = "--ant-image", defaultValue = "antfleet/agent:ant-stand-in",
            description = "Image of the *-ant scenarios. Default: ${DEFAULT-VALUE}.")
    String antImage;

    @Override
    public Integer call() throws IOException {
        BenchSettings settings = new BenchSettings(scenarios, containers, nodesPerContainer, firstPort, image, antImage);
        ScaleScenarios.Size scale = new ScaleScenarios.Size(scaleContainers, scaleNodesPerContainer, scaleFirstPort);
        GlobalOptions options = globalOptions();
        Path dir = Files.createTempDirectory("antfleet-bench");
        Injector injector = Bootstrap.injector(modules(options, dir));
        List<ScenarioResult> results;
        try {
            if (settings.usesStore()) {
                // Created and migrated before any timing: a real fleet's database exists.
                injector.getInstance(ContainerRepository.class).findAll();
            }
            BenchRunner runner = new BenchRunner(injector.getInstance(DockerGateway.class),
                    injector.getInstance(ImportService.class), injector.getInstance(ApplyService.class),
                    injector.getInstance(ContainerRepository.class), injector.getInstance(RunLoop.class), new AntScenarios(injector.getInstance(DockerGateway.class),
                    injector.getInstance(ApplyService.class), injector.getInstance(RunLoop.class),
                    injector.getInstance(ContainerRepository.class), injector.getInstance(NodeRepository.class)));
            results = new ArrayList<>(runner.run(settings, spec.commandLine().getErr()));
            // after memory: the scale fleet's 5,000 nodes are not what memory's 256 MB is about
            results.addAll(new ScaleScenarios(injector.getInstance(DockerGateway.class),
                    injector.getInstance(ImportService.class), injector.getInstance(RunLoop.class))
                    .run(settings, scale, spec.commandLine().getErr()));
        } finally {
            injector.getInstance(StoreConnection.class).disconnect();
            deleteTree(dir);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.output() == OutputFormat.JSON) {
            out.println(json(results));
        } else {
            table(results, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** antfleet's global options as given around {@code bench}; the database is the bench's own, not these. */
    private GlobalOptions globalOptions() {
        return ((AntfleetCommand) spec.root().userObject()).globalOptions();
    }

    /**
     * antfleet's modules with the store swapped for a throw-away embedded database in {@code dir}, and apply's
     * planner without the per-address limit: the bench's v2 nodes (up to 1,000 host-networked) talk to no
     * network, and the limit is the operator's setting, not the bench's.
     */
    private static List<Module> modules(GlobalOptions options, Path dir) {
        List<Module> modules = new ArrayList<>(Bootstrap.modules(options));
        modules.removeIf(m -> m instanceof StoreModule);
        modules.add(new StoreModule(Database.embedded(dir)));
        Module unlimited = binder -> binder.bind(FleetPlanner.class)
                .toInstance(new FleetPlanner(new AddressLimit(BenchSettings.MAX_NODES)));
        return List.of(Modules.override(modules).with(unlimited, new CountedExecs()));
    }

    /** antfleet's Docker gateway with its execs counted ({@link CountingGateway}): scenarios report calls per container. */
    private static final class CountedExecs extends AbstractModule {
        @Provides
        @Singleton
        DockerGateway gateway(DockerJavaGateway gateway) {
            return new CountingGateway(gateway);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void table(List<ScenarioResult> results, PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %10s %10s %8s  %-4s %s%n", "SCENARIO", "ANTFLEET", "FLOOR", "RATIO", "MET", "TARGET");
        for (ScenarioResult r : results) {
            out.printf(Locale.ROOT, "%-14s %10s %10s %8s  %-4s %s%n", r.name(), seconds(r.antfleetSeconds()),
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
