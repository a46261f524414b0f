package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaseHolderProcessTest {
    private static final ProcessScope SCOPE = new ProcessScope("3d1219c7c4c5404aaa1f6d2a48adfda4",
            "384347ba63fc4df3a0187e09c382cfe3", "4026531836");

    @Test
    void aHolderStringNamesRolePidHostStartAndScopeAndReadsBack() {
        LeaseHolderProcess p = new LeaseHolderProcess("node add", "box1", 77, Optional.of(Instant.parse("2026-11-27T03:00:00.120Z")),
                Optional.of(SCOPE));

        assertThat(p.holder()).isEqualTo("node add pid 77 on box1 started 2026-11-27T03:00:00.120Z in "
                + "3d1219c7c4c5404aaa1f6d2a48adfda4.384347ba63fc4df3a0187e09c382cfe3.4026531836");
        assertThat(LeaseHolderProcess.parse(p.holder())).contains(p);
        LeaseHolderProcess unknown = new LeaseHolderProcess("run", "box1", 77, Optional.empty(), Optional.empty());
        assertThat(unknown.holder()).endsWith(" started unknown in unknown");
        assertThat(LeaseHolderProcess.parse(unknown.holder())).contains(unknown);
    }

    @Test
    void thisProcessReadsItsMachineBootAndPidNamespace() throws Exception {
        LeaseHolderProcess self = LeaseHolderProcess.ofThisProcess("apply");

        ProcessScope scope = self.scope().orElseThrow();
        assertThat(scope.machineId()).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/etc/machine-id")).strip());
        assertThat(scope.bootId()).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/random/boot_id"))
                .strip().replace("-", ""));
        assertThat("pid:[" + scope.pidNamespace() + "]").isEqualTo(
                java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString());
    }

    @Test
    void thisProcessIsNamedWithItsPidAndHostAndFitsTheLeaseColumn() {
        LeaseHolderProcess self = LeaseHolderProcess.ofThisProcess("apply");

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.host()).isEqualTo(ProcessTable.local().hostName());
        assertThat(self.holder()).startsWith("apply pid " + self.pid() + " on ").hasSizeLessThanOrEqualTo(255);
        LeaseHolderProcess longest = new LeaseHolderProcess("x".repeat(LeaseHolderProcess.MAX_ROLE), "h".repeat(LeaseHolderProcess.MAX_HOST),
                Long.MAX_VALUE, Optional.of(Instant.parse("2026-11-27T03:00:00.123456789Z")), Optional.of(new ProcessScope(
                "f".repeat(32), "f".repeat(32), "9".repeat(20))));
        assertThat(longest.holder()).hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void theLocalProcessTableSeesThisProcessRunningAndNotAnEndedOneOrAReusedPid() throws Exception {
        LeaseHolderProcess self = LeaseHolderProcess.ofThisProcess("apply");
        Process child = new ProcessBuilder("true").start();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ProcessTable.local().isRunning(self.pid(), self.startedAt())).isTrue();
        assertThat(ProcessTable.local().isRunning(child.pid(), Optional.empty())).isFalse();
        assertThat(ProcessTable.local().isRunning(self.pid(), self.startedAt().map(t -> t.minusSeconds(3600)))).isFalse();
    }

    @Test
    void aHostNameWithSpacesOrARoleTooLongIsRefused() {
        assertThatThrownBy(() -> new LeaseHolderProcess("apply", "a b", 1, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseHolderProcess("x".repeat(25), "box", 1, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
