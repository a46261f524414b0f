package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.antfleet.fleet.spec.HostSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two lock holders over one directory stand for two antfleet processes: the second waits for the file lock
 * the first holds (a JVM cannot take one file lock twice, so each instance here behaves as its own process).
 */
class ContainerCallLocksTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessWaitsForTheFirstsCallInTheSameContainer() throws Exception {
        ContainerCallLocks first = new ContainerCallLocks(dir);
        ContainerCallLocks second = new ContainerCallLocks(dir);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> first.locked("container-a",
                Duration.ofSeconds(10), "container a", () -> {
                    inside.countDown();
                    await(release);
                    return "first";
                }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> second.locked("container-a", Duration.ofMillis(300), "container a", () -> "second"))
                .isInstanceOf(AntctlException.class).hasMessageContaining("another antfleet call has been running antctl");
        assertThat(second.locked("container-b", Duration.ofSeconds(1), "container b", () -> "other container"))
                .isEqualTo("other container");
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> second.locked("container-a",
                Duration.ofSeconds(10), "container a", () -> "second"));
        release.countDown();

        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void anotherHostsContainerDoesNotShareItsLockWithALocalContainerWhoseNameSpellsItsHostAndName() throws Exception {
        ContainerCallLocks first = new ContainerCallLocks(dir);
        ContainerCallLocks second = new ContainerCallLocks(dir);
        String farX = AntctlManagerFactory.lockName("far", "x");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> first.locked(farX, Duration.ofSeconds(10),
                "far/x", () -> {
                    inside.countDown();
                    await(release);
                    return "far/x";
                }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        for (String local : List.of("far-x", "far_x", "far.x")) {
            assertThat(second.locked(AntctlManagerFactory.lockName(HostSpec.LOCAL, local), Duration.ofMillis(300), local,
                    () -> local)).isEqualTo(local);
        }
        assertThatThrownBy(() -> second.locked(AntctlManagerFactory.lockName("far", "x"), Duration.ofMillis(300), "far/x",
                () -> "second")).isInstanceOf(AntctlException.class).hasMessageContaining("another antfleet call");
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("far/x");
        assertThat(ContainerCallLocks.fileName(farX)).isEqualTo("container-far%2Fx.lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
