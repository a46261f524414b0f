package io.antfleet.store;

import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.TestClock;
import io.antfleet.cli.Bootstrap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
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
        TestClock clock = new TestClock(Fixtures.T0);
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
        TestClock clock = new TestClock(Fixtures.T0);
        DatabaseLease lease = store().lease(unique("renew"), clock);
        lease.tryAcquire("alpha", Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(8));
        assertThat(lease.renew("alpha", Duration.ofSeconds(10))).isTrue();
        clock.advance(Duration.ofSeconds(8));

        assertThat(lease.tryAcquire("beta", TTL)).isFalse();
    }

    @Test
    void aHostWhoseClockRunsAheadCannotTakeARunningLeaseTheDatabaseClockDecides() {
        Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        Injector skewed = Bootstrap.injector(List.of(new StoreModule(store().database()), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(anHourAhead);
            }
        }));
        try {
            DatabaseLease here = store().get(DatabaseLease.class);
            DatabaseLease ahead = skewed.getInstance(DatabaseLease.class);
            String holder = "run pid 1 on box1";
            assertThat(here.tryAcquire(holder, TTL)).isTrue();
            try {
                assertThat(ahead.tryAcquire("apply pid 2 on box2", TTL)).as("30 s left by the database's clock").isFalse();
                assertThat(ahead.current()).get().satisfies(h -> assertThat(h.expiresAt())
                        .isBetween(Instant.now().plus(TTL).minusSeconds(10), Instant.now().plus(TTL).plusSeconds(10)));
                assertThat(ahead.renew(holder, Duration.ofSeconds(40))).isTrue();
                assertThat(here.current()).get().satisfies(h -> assertThat(h.expiresAt())
                        .as("renewed by the host ahead: still the database's now + 40 s")
                        .isBefore(Instant.now().plusSeconds(50)));
            } finally {
                here.release(holder);
            }
        } finally {
            skewed.getInstance(StoreConnection.class).close();
        }
    }

    @Test
    void onTheDatabaseClockAShortLeaseExpiresByItself() {
        String name = unique("dbclock");
        DatabaseLease first = store().lease(name, null);
        DatabaseLease second = store().lease(name, null);
        assertThat(first.tryAcquire("alpha", Duration.ofMillis(1500))).isTrue();
        assertThat(second.tryAcquire("beta", TTL)).isFalse();

        Awaitility.await("the database's clock passes the expiry").atMost(20, TimeUnit.SECONDS)
                .pollInterval(200, TimeUnit.MILLISECONDS).until(() -> second.tryAcquire("beta", TTL));
        assertThat(first.renew("alpha", TTL)).isFalse();
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

    @Test
    void theUnexpiredLeaseOfAKilledProcessOnThisHostIsTakenOverAtOnce() {
        FakeProcessTable host = new FakeProcessTable("box1");
        DatabaseLease lease = store().lease(unique("takeover"), Clock.systemUTC(), new StaleLeasePolicy(host));
        String killed = host.start("apply", 101, Fixtures.T0);
        String alive = host.start("apply", 102, Fixtures.T0);
        assertThat(lease.tryAcquire(killed, Duration.ofHours(2))).isTrue();
        assertThat(lease.tryAcquire(alive, TTL)).as("its holder still runs").isFalse();

        host.kill(101);

        assertThat(lease.tryAcquire(alive, TTL)).isTrue();
        assertThat(lease.current()).get().extracting(LeaseHolder::holder).isEqualTo(alive);
        assertThat(lease.renew(killed, TTL)).isFalse();
    }

    @Test
    void theUnexpiredLeaseOfAHolderOnAnotherHostIsNeverTakenOver() {
        FakeProcessTable here = new FakeProcessTable("box1");
        FakeProcessTable there = new FakeProcessTable("box2");
        DatabaseLease lease = store().lease(unique("foreign"), Clock.systemUTC(), new StaleLeasePolicy(here));
        String remote = there.start("run", 101, Fixtures.T0);
        there.kill(101);
        assertThat(lease.tryAcquire(remote, TTL)).isTrue();

        assertThat(lease.tryAcquire(here.start("apply", 101, Fixtures.T0.plusSeconds(5)), TTL)).isFalse();
        assertThat(lease.current()).get().extracting(LeaseHolder::holder).isEqualTo(remote);
    }

    @Test
    void ofManyThreadsRacingToTakeOverAKilledHoldersLeaseExactlyOneWins() throws Exception {
        String name = unique("takeover-race");
        FakeProcessTable host = new FakeProcessTable("box1");
        String killed = host.start("apply", 1, Fixtures.T0);
        assertThat(store().lease(name, Clock.systemUTC(), new StaleLeasePolicy(host)).tryAcquire(killed, Duration.ofHours(2))).isTrue();
        host.kill(1);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> racers = IntStream.range(0, threads).<Callable<Boolean>>mapToObj(i -> () -> {
                DatabaseLease lease = store().lease(name, Clock.systemUTC(), new StaleLeasePolicy(host));
                String me = host.start("apply", 100 + i, Fixtures.T0);
                start.await(10, TimeUnit.SECONDS);
                return lease.tryAcquire(me, TTL);
            }).collect(Collectors.toList());
            List<Boolean> won = pool.invokeAll(racers, 60, TimeUnit.SECONDS).stream().map(LeaseContract::result)
                    .collect(Collectors.toList());

            assertThat(won).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Boolean result(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a racer failed", e);
        }
    }
}
