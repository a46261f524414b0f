package io.antfleet.config.spec;

import io.antfleet.fleet.spec.FleetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads and validates {@code apiVersion: antfleet/v1} fleet specs. Every problem in a file is reported
 * at once, each with file:line:column; unknown keys come with a "did you mean". Thread safe (stateless).
 */
public final class SpecLoader {
    private final SpecDefaults defaults;

    /** With wnm's defaults for what a spec leaves out. */
    public SpecLoader() {
        this(SpecDefaults.WNM);
    }

    public SpecLoader(SpecDefaults defaults) {
        this.defaults = java.util.Objects.requireNonNull(defaults, "defaults is null");
    }

    /** Reads and validates {@code file}; an unreadable file is a single problem at 1:1. */
    public FleetSpec load(Path file) {
        return load(file, EngineCheck.NONE);
    }

    /** As {@link #load(Path)}, also asking {@code engines} about each valid host (a problem at its {@code docker}). */
    public FleetSpec load(Path file, EngineCheck engines) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem(new SpecLocation(file.toString(), 1, 1),
                    "cannot read the spec: " + e.getMessage())));
        }
        return parse(file.toString(), text, engines);
    }

    /**
     * Validates {@code text}, naming it {@code source} in problems.
     *
     * @throws InvalidSpecException listing every problem found
     */
    public FleetSpec parse(String source, String text) {
        return parse(source, text, EngineCheck.NONE);
    }

    private FleetSpec parse(String source, String text, EngineCheck engines) {
        Problems problems = new Problems();
        Optional<YamlNode> root = new YamlTreeReader(source, problems).read(text);
        Optional<FleetSpec> spec = root.flatMap(r -> new FleetSpecReader(problems, defaults, baseDir(source), engines).read(r));
        if (!problems.isEmpty() || spec.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new SpecLocation(source, 1, 1), "the spec is incomplete");
            }
            throw new InvalidSpecException(problems.sorted());
        }
        return spec.get();
    }

    /** Relative paths in a spec are taken from its file's directory. */
    private static Path baseDir(String source) {
        Path parent = Path.of(source).toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /**
     * The {@code notify} section of a spec {@link #load} accepted ({@link io.antfleet.notify.NotifySettings#NONE}
     * without one).
     */
    public io.antfleet.notify.NotifySettings notifySettings(Path file) {
        load(file);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Problems problems = new Problems();
            NodeReader r = new NodeReader(problems);
            return new YamlTreeReader(file.toString(), problems).read(text)
                    .filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast)
                    .flatMap(m -> r.field(m, "notify")).flatMap(n -> new NotifyReader(r).read(n, "notify"))
                    .orElse(io.antfleet.notify.NotifySettings.NONE);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new SpecProblem(new SpecLocation(file.toString(), 1, 1),
                    "cannot read the spec: " + e.getMessage())));
        }
    }
}
