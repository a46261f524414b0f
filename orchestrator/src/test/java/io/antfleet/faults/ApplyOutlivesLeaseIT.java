package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.DockerModule;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetObserver;
import io.antfleet.engine.apply.PlanExecutor;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolder;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An apply that runs longer than its lease's time-to-live keeps the lease: it renews it while it runs, so
 * a second orchestrator on the same MariaDB (on another host: its holder is never judged abandoned) is
 * refused the whole time, and gets the lease once the apply is done. The lease's time-to-live here is 3 s
 * and antctl add hangs 8: an apply that took one lease and never renewed it, as before (for 2 h), loses it
 * to the other process after 3 s. Fleet {@code lease-<random>}, ports 57000-57099.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApplyOutlivesLeaseIT {
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final String OTHER = "apply pid 1 on other-host started unknown in unknown";

    private final String fleet = "lease-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void anApplyLongerThanItsLeaseRenewsItAndNobodyElseGetsItMeanwhile() throws Exception {
        try (FaultStore store = FaultStore.create("applylease"); StandInContainers docker = new StandInContainers("bench-it")) {
            Injector injector = injector(store);
            try {
                ApplyService apply = apply(injector);
                assertThat(apply.apply(spec(1), false).ok()).isTrue();
                docker.fault(fleet + "-c0", "add hang=8 times=1");
                DatabaseLease other = store.lease();

                long t0 = System.nanoTime();
                CompletableFuture<ApplyReport> second = CompletableFuture.supplyAsync(() -> apply.apply(spec(2), false));
                Awaitility.await("the apply holds the lease").atMost(1, TimeUnit.MINUTES)
                        .until(() -> other.current().map(h -> h.holder().startsWith("apply pid ")).orElse(false));
                List<String> holders = new ArrayList<>();
                List<Long> takenAtMillis = new ArrayList<>();
                Awaitility.await("the second apply done").atMost(3, TimeUnit.MINUTES).pollInterval(200, TimeUnit.MILLISECONDS)
                        .until(() -> {
                            if (other.tryAcquire(OTHER, Duration.ofMinutes(5))) {
                                takenAtMillis.add((System.nanoTime() - t0) / 1_000_000);
                            }
                            other.current().map(LeaseHolder::holder).ifPresent(holders::add);
                            return second.isDone();
                        });
                Duration took = Duration.ofNanos(System.nanoTime() - t0);

                ApplyReport report = second.get(1, TimeUnit.MINUTES);
                assertThat(report.ok()).as(report.toString()).isTrue();
                // the lease is released just before the apply returns: a take within that moment is the other's turn
                assertThat(takenAtMillis).as("taken from the running apply (ms after it started; it took %s)", took)
                        .allSatisfy(at -> assertThat(at).isGreaterThan(took.toMillis() - 1000));
                assertThat(took).as("the apply outlived its lease's TTL twice over").isGreaterThan(TTL.multipliedBy(2));
                assertThat(holders).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("apply pid "));
                assertThat(other.tryAcquire(OTHER, Duration.ofSeconds(5))).as("released when done").isTrue();
                other.release(OTHER);
                assertThat(store.nodes().findAll()).hasSize(2);
            } finally {
                store.lease().release(OTHER);
                injector.getInstance(io.antfleet.engine.teardown.TeardownService.class).teardown(Optional.of(fleet),
                        Optional.empty(), true);
                injector.getInstance(StoreConnection.class).close();
            }
        }
    }

    private FleetSpec spec(int nodes) {
        return new SpecLoader().parse("lease.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "network: evm-local", "noUpnp: true",
                "ports: {node: 57000, metrics: 57030, rpc: 57060, blockSize: 10}",
                "containers:", "  - name: c0", "    nodes: " + nodes, ""));
    }

    /** apply's modules over the fault store. */
    private static Injector injector(FaultStore store) {
        return Bootstrap.injector(List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
            }
        }, new StoreModule(Database.parse(store.url())), new DockerModule(), new AntctlModule(), new io.antfleet.ant.AntModule(), new EngineModule(),
                new io.antfleet.metrics.MetricsModule(io.antfleet.metrics.SweepSettings.defaults())));
    }

    /** The apply of {@code injector} with a lease time-to-live of {@link #TTL}. */
    private static ApplyService apply(Injector injector) {
        return new ApplyService(injector.getInstance(FleetObserver.class), new FleetPlanner(),
                injector.getInstance(PlanExecutor.class), injector.getInstance(DatabaseLease.class),
                injector.getInstance(OperationJournal.class), injector.getInstance(io.antfleet.store.HostRepository.class),
                injector.getInstance(io.antfleet.docker.DockerGateways.class), TTL);
    }
}
