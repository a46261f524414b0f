package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.cli.CliRun;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.StandInContainers;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The database is unreachable or dropped under antfleet: a clear error, exit 1, nothing half-written. Port 54999 is closed. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DatabaseGoneIT {
    private static StandInContainers fixture;
    private static ContainerInfo container;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers("bench-it");
        container = fixture.start("db-gone", Map.of());
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    @Test
    void aDatabaseOnAClosedPortIsAClearErrorWithExitCodeOne() {
        CliRun run = AntctlFaultsIT.cli(
                "jdbc:mariadb://127.0.0.1:54999/antfleet_test_none?user=antfleet&password=antfleet", container.name());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("antfleet: ").contains("127.0.0.1:54999");
        assertThat(run.err()).doesNotContain("password=antfleet");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDroppedDatabaseIsAClearErrorWithExitCodeOne() {
        FaultStore store = FaultStore.create("dropped");
        try {
            assertThat(AntctlFaultsIT.cli(store.url(), container.name()).code()).isZero();
            store.drop();

            CliRun run = AntctlFaultsIT.cli(store.url(), container.name());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).startsWith("antfleet: ").containsIgnoringCase("antfleet_test_fault_dropped");
        } finally {
            store.close();
        }
    }
}
