package io.antfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeStatusTest {
    @Test
    void antctlStatusesMapAsWnmDoes() {
        assertThat(NodeStatus.fromAntctl("Running")).isEqualTo(NodeStatus.RUNNING);
        assertThat(NodeStatus.fromAntctl("Stopped")).isEqualTo(NodeStatus.STOPPED);
        assertThat(NodeStatus.fromAntctl("Added")).isEqualTo(NodeStatus.STOPPED);
        assertThat(NodeStatus.fromAntctl("Removed")).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void anUnknownAntctlStatusIsAnErrorNotADefault() {
        assertThatThrownBy(() -> NodeStatus.fromAntctl("running")).hasMessageContaining("unknown antctl status 'running'");
    }

    @Test
    void onlyActionsInFlightAreTransitional() {
        assertThat(NodeStatus.UPGRADING.isTransitional()).isTrue();
        assertThat(NodeStatus.RESTARTING.isTransitional()).isTrue();
        assertThat(NodeStatus.REMOVING.isTransitional()).isTrue();
        assertThat(NodeStatus.RUNNING.isTransitional()).isFalse();
        assertThat(NodeStatus.DISABLED.isTransitional()).isFalse();
    }

    @Test
    void processManagerLabelsRoundTrip() {
        for (ProcessManager pm : ProcessManager.values()) {
            assertThat(ProcessManager.fromLabel(pm.label())).isEqualTo(pm);
        }
        assertThat(ProcessManager.ANTCTL_SUDO.runsAsRoot()).isTrue();
        assertThatThrownBy(() -> ProcessManager.fromLabel("systemd")).hasMessageContaining("antctl+user, antctl+sudo");
    }
}
