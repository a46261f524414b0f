package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaleLeasePolicyTest {
    private static final Instant STARTED = Instant.parse("2026-11-27T03:00:00.120Z");
    private final FakeProcessTable host = new FakeProcessTable("box1");
    private final StaleLeasePolicy policy = new StaleLeasePolicy(host);

    @Test
    void aHolderWhoseProcessStillRunsIsNotAbandoned() {
        String holder = host.start("apply", 4242, STARTED);

        assertThat(policy.isAbandoned(holder)).isFalse();
    }

    @Test
    void aHolderWhoseProcessWasKilledIsAbandoned() {
        String holder = host.start("apply", 4242, STARTED);
        host.kill(4242);

        assertThat(policy.isAbandoned(holder)).isTrue();
    }

    @Test
    void aHolderWhosePidWasGivenToALaterProcessIsAbandoned() {
        String holder = host.start("run", 4242, STARTED);
        host.kill(4242);
        host.start("sshd", 4242, STARTED.plusSeconds(600));

        assertThat(policy.isAbandoned(holder)).isTrue();
    }

    @Test
    void aHolderOnAnotherHostIsNeverAbandonedEvenWhenThatPidIsFreeHere() {
        String elsewhere = new LeaseHolderProcess("apply", "box2", 4242, Optional.of(STARTED)).holder();

        assertThat(policy.isAbandoned(elsewhere)).isFalse();
    }

    @Test
    void aHolderOfAnyOtherFormIsNeverAbandoned() {
        assertThat(policy.isAbandoned("apply pid 4242")).isFalse();
        assertThat(policy.isAbandoned("other-antfleet")).isFalse();
        assertThat(policy.isAbandoned("apply pid 4242 on box1 started yesterday")).isFalse();
    }

    @Test
    void aHolderWithoutAStartInstantIsAbandonedOnlyWhenItsPidIsGone() {
        String holder = new LeaseHolderProcess("apply", "box1", 4242, Optional.empty()).holder();
        host.start("anything", 4242, STARTED);
        assertThat(policy.isAbandoned(holder)).isFalse();

        host.kill(4242);
        assertThat(policy.isAbandoned(holder)).isTrue();
    }
}
