package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.store.StoreException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private final MemoryLease lease = new MemoryLease();

    @Test
    void the_keeper_holds_the_lease_until_closed_and_then_releases_it() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1), System::nanoTime)) {
            keeper.check();
            assertThat(lease.current().orElseThrow().holder()).isEqualTo("run pid 1");
            assertThatThrownBy(() -> LeaseKeeper.acquire(lease, "run pid 2", Duration.ofMinutes(1), System::nanoTime))
                    .isInstanceOf(LeaseHeldException.class).hasMessageContaining("run pid 1");
        }
        assertThat(lease.current()).isEmpty();
    }

    @Test
    void a_lease_taken_over_by_another_process_stops_the_run_at_its_next_check() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1), System::nanoTime)) {
            lease.release("run pid 1");
            lease.tryAcquire("apply pid 2", Duration.ofMinutes(1));

            assertThatThrownBy(keeper::check).isInstanceOf(LeaseHeldException.class).hasMessageContaining("lost");
        }
        assertThat(lease.current().orElseThrow().holder()).as("not released by the loser").isEqualTo("apply pid 2");
    }

    @Test
    void a_renewal_the_database_refuses_leaves_the_lease_unconfirmed_but_not_lost_and_the_next_good_one_confirms_it() {
        FlakyLease flaky = new FlakyLease();
        AtomicLong nanos = new AtomicLong();
        Duration ttl = Duration.ofMinutes(1);
        try (LeaseKeeper keeper = LeaseKeeper.acquire(flaky, "run pid 1", ttl, nanos::get)) {
            flaky.down = true;

            assertThatThrownBy(keeper::check).isInstanceOf(StoreException.class).hasMessageContaining("database");
            nanos.addAndGet(ttl.minusSeconds(1).toNanos());
            assertThat(keeper.confirmed()).as("an outage shorter than the TTL").isTrue();
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(keeper.confirmed()).as("an outage longer than the TTL").isFalse();

            flaky.down = false;
            keeper.check();
            assertThat(keeper.confirmed()).isTrue();
        }
        assertThat(flaky.current()).isEmpty();
    }

    @Test
    void a_lease_taken_over_while_the_database_was_away_is_lost_at_the_first_check_after_it_is_back() {
        FlakyLease flaky = new FlakyLease();
        try (LeaseKeeper keeper = LeaseKeeper.acquire(flaky, "run pid 1", Duration.ofMinutes(1), System::nanoTime)) {
            flaky.down = true;
            assertThatThrownBy(keeper::check).isInstanceOf(StoreException.class);
            flaky.lease.release("run pid 1");
            flaky.lease.tryAcquire("run pid 2", Duration.ofMinutes(1));
            flaky.down = false;

            assertThatThrownBy(keeper::check).isInstanceOf(LeaseHeldException.class).hasMessageContaining("lost");
            assertThat(keeper.confirmed()).isFalse();
        }
        assertThat(flaky.current().orElseThrow().holder()).isEqualTo("run pid 2");
    }

    @Test
    void closing_while_the_database_is_away_does_not_fail_the_lease_is_left_to_expire() {
        FlakyLease flaky = new FlakyLease();
        LeaseKeeper keeper = LeaseKeeper.acquire(flaky, "run pid 1", Duration.ofMinutes(1), System::nanoTime);
        flaky.down = true;

        keeper.close();

        assertThat(flaky.current().orElseThrow().holder()).isEqualTo("run pid 1");
    }
}
