package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.cli.Main;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The production jar holds no bench class. The orchestrator is read where this build took it from: its
 * jar ({@code orchestrator/target/antfleet.jar}, the shaded one, in {@code mvn verify} and {@code package}),
 * or its classes directory when the build stopped before {@code package} (the jar's own classes are those).
 */
class ProductionJarTest {
    @Test
    void theProductionJarHoldsNoClassOfTheBenchModuleNorAnyBenchPackage() throws Exception {
        List<String> product = entries(location(Main.class));
        List<String> bench = entries(location(BenchMain.class)).stream()
                .filter(e -> e.endsWith(".class")).map(ProductionJarTest::simpleName).toList();

        assertThat(product).as("the orchestrator's classes").contains("io/antfleet/cli/Main.class");
        assertThat(bench).as("the bench module's classes").contains("BenchMain", "BenchRunner");
        assertThat(product).filteredOn(e -> e.startsWith("io/antfleet/")).noneMatch(e -> e.contains("/bench/"))
                .noneMatch(e -> e.endsWith(".class") && bench.contains(simpleName(e)));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Every file under a classes directory, or every entry of a jar, as a '/'-separated path. */
    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile).map(p -> location.relativize(p).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(java.util.jar.JarEntry::getName).toList();
        }
    }

    /** {@code io/antfleet/bench/BenchRunner$1.class} → {@code BenchRunner}. */
    private static String simpleName(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
        int nested = file.indexOf('$');
        return nested < 0 ? file : file.substring(0, nested);
    }
}
