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
    void theKeeperHoldsTheLeaseUntilClosedAndThenReleasesIt() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1), System::nanoTime)) {
            keeper.check();
            assertThat(lease.current().orElseThrow().holder()).isEqualTo("run pid 1");
            assertThatThrownBy(() -> LeaseKeeper.acquire(lease, "run pid 2", Duration.ofMinutes(1), System::nanoTime))
                    .isInstanceOf(LeaseHeldException.class).hasMessageContaining("run pid 1");
        }
        assertThat(lease.current()).isEmpty();
    }

    @Test
    void aLeaseTakenOverByAnotherProcessStopsTheRunAtItsNextCheck() {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run pid 1", Duration.ofMinutes(1), System::nanoTime)) {
            lease.release("run pid 1");
            lease.tryAcquire("apply pid 2", Duration.ofMinutes(1));

            assertThatThrownBy(keeper::check).isInstanceOf(LeaseHeldException.class).hasMessageContaining("lost");
        }
        assertThat(lease.current().orElseThrow().holder()).as("not released by the loser").isEqualTo("apply pid 2");
    }

    @Test
    void aRenewalTheDatabaseRefusesLeavesTheLeaseUnconfirmedButNotLostAndTheNextGoodOneConfirmsIt() {
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
    void aLeaseTakenOverWhileTheDatabaseWasAwayIsLostAtTheFirstCheckAfterItIsBack() {
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
    void closingWhileTheDatabaseIsAwayDoesNotFailTheLeaseIsLeftToExpire() {
        FlakyLease flaky = new FlakyLease();
        LeaseKeeper keeper = LeaseKeeper.acquire(flaky, "run pid 1", Duration.ofMinutes(1), System::nanoTime);
        flaky.down = true;

        keeper.close();

        assertThat(flaky.current().orElseThrow().holder()).isEqualTo("run pid 1");
    }
}
