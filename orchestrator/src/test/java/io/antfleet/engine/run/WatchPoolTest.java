package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.AntfleetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchPoolTest {
    @Test
    void tasksRunAtOnceAndTheirResultsComeBackInTheTasksOrder() {
        // each task waits until all four have started: one after another, none would ever see the others
        CountDownLatch started = new CountDownLatch(4);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "c" + i;
            tasks.add(() -> {
                started.countDown();
                return started.await(10, TimeUnit.SECONDS) ? name : "alone";
            });
        }
        try (WatchPool pool = WatchPool.of(4)) {
            assertThat(pool.all(tasks)).containsExactly("c0", "c1", "c2", "c3");
        }
    }

    @Test
    void noMoreTasksRunAtOnceThanThePoolHasThreads() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                for (long spin = 0; spin < 2_000_000; spin++) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                return n;
            });
        }
        try (WatchPool pool = WatchPool.of(3)) {
            assertThat(pool.all(tasks)).hasSize(12).startsWith(0, 1, 2).endsWith(11);
        }
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void aTaskThatFailsFailsTheCallAfterTheOthersFinished() {
        AtomicInteger finished = new AtomicInteger();
        List<Callable<String>> tasks = List.of(
                () -> {
                    throw new AntfleetException("c0: the store is away");
                },
                () -> {
                    finished.incrementAndGet();
                    return "c1";
                },
                () -> {
                    finished.incrementAndGet();
                    return "c2";
                });
        try (WatchPool pool = WatchPool.of(2)) {
            assertThatThrownBy(() -> pool.all(tasks)).isInstanceOf(AntfleetException.class).hasMessage("c0: the store is away");
        }
        assertThat(finished.get()).isEqualTo(2);
    }

    @Test
    void theSequentialPoolRunsInTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Callable<Boolean>> tasks = List.of(() -> Thread.currentThread() == caller, () -> Thread.currentThread() == caller);
        assertThat(WatchPool.sequential().all(tasks)).containsExactly(true, true);
    }

    @Test
    void aPoolNeedsAThread() {
        assertThatThrownBy(() -> WatchPool.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one thread");
    }
}
