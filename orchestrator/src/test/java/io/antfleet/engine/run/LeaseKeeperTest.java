package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.engine.apply.MemoryLease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private final MemoryLease lease = new MemoryLease();

    @Test
    void the_keeper_holds_the_lease_until_closed_and_then_releases_it() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1))) {
            keeper.check();
            assertThat(lease.current().orElseThrow().holder()).isEqualTo("run pid 1");
            assertThatThrownBy(() -> LeaseKeeper.acquire(lease, "run pid 2", Duration.ofMinutes(1)))
                    .isInstanceOf(LeaseHeldException.class).hasMessageContaining("run pid 1");
        }
        assertThat(lease.current()).isEmpty();
    }

    @Test
    void a_lease_taken_over_by_another_process_stops_the_run_at_its_next_check() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1))) {
            lease.release("run pid 1");
            lease.tryAcquire("apply pid 2", Duration.ofMinutes(1));

            assertThatThrownBy(keeper::check).isInstanceOf(LeaseHeldException.class).hasMessageContaining("lost");
        }
        assertThat(lease.current().orElseThrow().holder()).as("not released by the loser").isEqualTo("apply pid 2");
    }
}
