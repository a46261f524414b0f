package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.cli.ExitCodes;
import io.antfleet.cli.Main;
import io.antfleet.docker.StandInContainers;
import io.antfleet.store.StoreWorkerMain;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two antfleet processes on one MariaDB: while another JVM holds the orchestrator lease, {@code antfleet
 * apply} exits 3 and creates nothing. Ports 50300-50399 (never bound: nothing may start).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LeaseHeldIT {
    @TempDir
    Path dir;

    @Test
    void applyExitsThreeAndTouchesNothingWhileAnotherProcessHoldsTheLease() throws Exception {
        String fleet = "bench-it-lease-" + UUID.randomUUID().toString().substring(0, 6);
        Path spec = dir.resolve("fleet.yaml");
        Files.writeString(spec, "apiVersion: antfleet/v1\nfleet: " + fleet + "\nimage: " + StandInContainers.IMAGE
                + "\nprocessManager: antctl+sudo\nrewardsAddress: \"0x03B770D9cD32077cC0bF330c13C114a87643B124\"\n"
                + "ports: {node: 50300, metrics: 50330, rpc: 50360, blockSize: 10}\ncontainers:\n  - name: c0\n    nodes: 1\n");
        try (FaultStore store = FaultStore.create("lease"); StandInContainers docker = new StandInContainers("bench-it")) {
            Process holder = otherProcessHoldingTheLease(store.url());
            try {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), "--db", store.url(), "apply", spec.toString());

                assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.LEASE_HELD);
                assertThat(err.toString(StandardCharsets.UTF_8)).contains("lease");
                assertThat(docker.docker().listByLabels(Map.of("antfleet.fleet", fleet))).isEmpty();
                assertThat(store.containers().findAll()).isEmpty();
                assertThat(store.nodes().findAll()).isEmpty();
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process otherProcessHoldingTheLease(String url) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StoreWorkerMain.class.getName(), "lease", url, "orchestrator",
                "other-antfleet", "60000");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                return "unreadable: " + e;
            }
        }).get(2, TimeUnit.MINUTES);
        assertThat(first).isEqualTo("HELD");
        return p;
    }
}
