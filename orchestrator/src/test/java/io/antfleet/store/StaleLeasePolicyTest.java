package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaleLeasePolicyTest {
    private static final Instant STARTED = Instant.parse("2026-11-27T03:00:00.120Z");
    private static final ProcessScope HERE = FakeProcessTable.scope("machine1", "boot1", "4026531836");
    private final FakeProcessTable host = new FakeProcessTable("box1", Optional.of(HERE));
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
    void aHolderOfAnotherMachineBootOrPidNamespaceIsNeverAbandonedEvenUnderTheSameHostName() {
        for (ProcessScope elsewhere : new ProcessScope[] {
                FakeProcessTable.scope("machine2", "boot1", "4026531836"),
                FakeProcessTable.scope("machine1", "boot2", "4026531836"),
                FakeProcessTable.scope("machine1", "boot1", "4026532999")}) {
            String holder = new LeaseHolderProcess("apply", "box1", 4242, Optional.of(STARTED), Optional.of(elsewhere)).holder();

            assertThat(policy.isAbandoned(holder)).as(elsewhere.token()).isFalse();
        }
    }

    @Test
    void aHolderOnAnotherHostNameInTheSameScopeIsJudged() {
        String renamed = new LeaseHolderProcess("apply", "box1-renamed", 4242, Optional.of(STARTED), Optional.of(HERE)).holder();

        assertThat(policy.isAbandoned(renamed)).as("the host name decides nothing").isTrue();
    }

    @Test
    void anUnknownScopeOnEitherSideIsNeverJudged() {
        String unknown = new LeaseHolderProcess("apply", "box1", 4242, Optional.of(STARTED), Optional.empty()).holder();
        assertThat(policy.isAbandoned(unknown)).isFalse();

        StaleLeasePolicy blind = new StaleLeasePolicy(new FakeProcessTable("box1", Optional.empty()));
        assertThat(blind.isAbandoned(new LeaseHolderProcess("apply", "box1", 4242, Optional.of(STARTED), Optional.of(HERE))
                .holder())).isFalse();
    }

    @Test
    void aHolderOfAnyOtherFormIsNeverAbandoned() {
        assertThat(policy.isAbandoned("apply pid 4242")).isFalse();
        assertThat(policy.isAbandoned("other-antfleet")).isFalse();
        assertThat(policy.isAbandoned("apply pid 4242 on box1 started yesterday in " + HERE.token())).isFalse();
        assertThat(policy.isAbandoned("apply pid 4242 on box1 started 2026-11-27T03:00:00.120Z"))
                .as("the form before scopes: judged by host name then, never now").isFalse();
    }

    @Test
    void aHolderWithoutAStartInstantIsAbandonedOnlyWhenItsPidIsGone() {
        String holder = new LeaseHolderProcess("apply", "box1", 4242, Optional.empty(), Optional.of(HERE)).holder();
        host.start("anything", 4242, STARTED);
        assertThat(policy.isAbandoned(holder)).isFalse();

        host.kill(4242);
        assertThat(policy.isAbandoned(holder)).isTrue();
    }
}
