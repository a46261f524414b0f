package io.antfleet.store;

import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What needs a second JVM: a shared server (MariaDB) with two orchestrator processes on it. */
abstract class TwoProcessContract {
    protected abstract TestStore store();

    @Test
    void aKilledHolderBlocksOthersNoLongerThanItsLeaseLasts() throws Exception {
        String name = unique("killed");
        // Long enough that a starved child JVM on a loaded 2-core host still renews in time.
        Duration ttl = Duration.ofSeconds(10);
        DatabaseLease lease = store().lease(name, Clock.systemUTC());
        Process holder = start("lease", store().database().url(), name, "doomed-process", Long.toString(ttl.toMillis()));
        try {
            assertThat(CompletableFuture.supplyAsync(() -> firstLine(holder)).get(2, TimeUnit.MINUTES)).isEqualTo("HELD");
            assertThat(lease.tryAcquire("survivor", ttl)).isFalse();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }

        await().atMost(ttl.plusSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> lease.tryAcquire("survivor", ttl));
        assertThat(lease.current()).get().extracting(LeaseHolder::holder).isEqualTo("survivor");
    }

    @Test
    void twoProcessesWritingTheSameNodesNeitherDuplicateNorTear() throws Exception {
        long containerId = store().containers().insert(container(unique("two-processes"))).id();
        Process other = start("write", store().database().url(), Long.toString(containerId), "7");
        try {
            CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> firstLine(other));
            SweepWriter.write(store().nodes(), containerId, 1, ConcurrencyContract.NODES, ConcurrencyContract.ROUNDS);
            assertThat(done.get(5, TimeUnit.MINUTES)).isEqualTo("DONE");
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }

        ConcurrencyContract.assertConsistent(store().nodes(), containerId, 2 * ConcurrencyContract.ROUNDS);
    }

    static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreWorkerMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static String firstLine(Process process) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            return String.valueOf(reader.readLine());
        } catch (java.io.IOException e) {
            throw new AssertionError("could not read the worker's output", e);
        }
    }
}
