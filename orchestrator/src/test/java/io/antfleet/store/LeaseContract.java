package io.antfleet.store;

import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The database lease on every database. Each test takes a lease of its own name. */
abstract class LeaseContract {
    private static final Duration TTL = Duration.ofSeconds(30);

    protected abstract TestStore store();

    @Test
    void aFreeLeaseIsTakenAndThenRefusedToOthers() {
        DatabaseLease lease = store().lease(unique("lease"), Clock.systemUTC());

        assertThat(lease.tryAcquire("alpha", TTL)).isTrue();
        assertThat(lease.tryAcquire("beta", TTL)).isFalse();
        assertThat(lease.tryAcquire("alpha", TTL)).isTrue();
        assertThat(lease.current()).get().extracting(LeaseHolder::holder).isEqualTo("alpha");
    }

    @Test
    void ofManyThreadsRacingForAFreeLeaseExactlyOneWins() throws Exception {
        String name = unique("race");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> racers = IntStream.range(0, threads).<Callable<Boolean>>mapToObj(i -> () -> {
                DatabaseLease lease = store().lease(name, Clock.systemUTC());
                start.await(10, TimeUnit.SECONDS);
                return lease.tryAcquire("holder-" + i, TTL);
            }).collect(Collectors.toList());
            List<Boolean> won = pool.invokeAll(racers, 60, TimeUnit.SECONDS).stream().map(LeaseContract::result)
                    .collect(Collectors.toList());

            assertThat(won).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredHolderIsReplacedAndCannotRenew() {
        MutableClock clock = new MutableClock(Fixtures.T0);
        DatabaseLease lease = store().lease(unique("expiry"), clock);
        assertThat(lease.tryAcquire("crashed", Duration.ofSeconds(10))).isTrue();

        clock.advance(Duration.ofSeconds(9));
        assertThat(lease.tryAcquire("successor", TTL)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(lease.tryAcquire("successor", TTL)).isTrue();

        assertThat(lease.renew("crashed", TTL)).isFalse();
        assertThat(lease.renew("successor", TTL)).isTrue();
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstExpiry() {
        MutableClock clock = new MutableClock(Fixtures.T0);
        DatabaseLease lease = store().lease(unique("renew"), clock);
        lease.tryAcquire("alpha", Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(8));
        assertThat(lease.renew("alpha", Duration.ofSeconds(10))).isTrue();
        clock.advance(Duration.ofSeconds(8));

        assertThat(lease.tryAcquire("beta", TTL)).isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        DatabaseLease lease = store().lease(unique("release"), Clock.systemUTC());
        lease.tryAcquire("alpha", TTL);

        lease.release("beta");
        assertThat(lease.tryAcquire("beta", TTL)).isFalse();
        lease.release("alpha");

        assertThat(lease.current()).isEmpty();
        assertThat(lease.tryAcquire("beta", TTL)).isTrue();
    }

    private static Boolean result(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a racer failed", e);
        }
    }
}
