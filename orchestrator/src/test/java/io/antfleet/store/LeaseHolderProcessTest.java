package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaseHolderProcessTest {
    @Test
    void aHolderStringNamesRolePidHostAndStartAndReadsBack() {
        LeaseHolderProcess p = new LeaseHolderProcess("node add", "box1", 77, Optional.of(Instant.parse("2026-11-27T03:00:00.120Z")));

        assertThat(p.holder()).isEqualTo("node add pid 77 on box1 started 2026-11-27T03:00:00.120Z");
        assertThat(LeaseHolderProcess.parse(p.holder())).contains(p);
        LeaseHolderProcess unknown = new LeaseHolderProcess("run", "box1", 77, Optional.empty());
        assertThat(LeaseHolderProcess.parse(unknown.holder())).contains(unknown);
    }

    @Test
    void thisProcessIsNamedWithItsPidAndHostAndFitsTheLeaseColumn() {
        LeaseHolderProcess self = LeaseHolderProcess.ofThisProcess("apply");

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.host()).isEqualTo(ProcessTable.local().hostName());
        assertThat(self.holder()).startsWith("apply pid " + self.pid() + " on ").hasSizeLessThanOrEqualTo(255);
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
        assertThatThrownBy(() -> new LeaseHolderProcess("apply", "a b", 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseHolderProcess("x".repeat(61), "box", 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
