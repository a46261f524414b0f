package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import org.junit.jupiter.api.Test;

class OutputParsersTest {
    private final AddOutputParser add = new AddOutputParser();
    private final UpgradeSummaryParser upgrade = new UpgradeSummaryParser();

    @Test
    void addNamesAreTheCheckLinesOfTheServicesAddedBlock() {
        AddOutput out = add.parse(Golden.read("add-with-path.txt"), true);

        assertThat(out.added()).containsExactly(ServiceName.of("antnode1"), ServiceName.of("antnode2"));
        assertThat(out.failures()).isEmpty();
        assertThat(out.downloadLines()).isEmpty();
    }

    @Test
    void eachAddedNodesDetailLinesAreReadAndMakeItsEntryWithThePortsOfTheRequest() {
        AddOutput out = add.parse(Golden.read("add-download-as-root.txt"), true);
        AddRequest request = new AddRequest(3, null, null, null, null, new io.antfleet.fleet.PortRange(55005, 55007),
                null, null, true, new io.antfleet.fleet.WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124"), null,
                null, io.antfleet.fleet.spec.EvmNetwork.ARBITRUM_ONE);

        assertThat(out.details()).extracting(AddOutput.Details::dataDir).containsExactly("/var/antctl/services/antnode5",
                "/var/antctl/services/antnode6", "/var/antctl/services/antnode7");
        assertThat(AddedEntries.of(request, out, 4)).hasValueSatisfying(entries -> assertThat(entries)
                .extracting(n -> n.service() + " " + n.antctlStatus() + " " + n.nodePort() + " " + n.metricsPort() + " "
                        + n.rpcPort() + " " + n.version() + " " + n.logDir() + " " + n.antnodePath())
                .containsExactly(
                        "antnode5 Added 55005 null 41785 0.4.17 /var/log/antnode/antnode5 /var/antctl/services/antnode5/antnode",
                        "antnode6 Added 55006 null 41786 0.4.17 /var/log/antnode/antnode6 /var/antctl/services/antnode6/antnode",
                        "antnode7 Added 55007 null 41787 0.4.17 /var/log/antnode/antnode7 /var/antctl/services/antnode7/antnode"));
        assertThat(AddedEntries.of(request, out, 0)).as("antnode5 is not what an empty registry numbers first").isEmpty();
    }

    @Test
    void anAddOfABinaryByPathGivesNoEntriesFromItsOutputAndOneMissingADetailLineNone() {
        AddOutput out = add.parse(Golden.read("add-with-path.txt"), true);
        String withoutALogLine = Golden.read("add-with-path.txt").replace("    - Log path: /var/log/antnode/antnode2\n", "");

        assertThat(out.details()).extracting(AddOutput.Details::rpcSocketAddr).containsExactly("127.0.0.1:33001", "127.0.0.1:33002");
        assertThat(add.parse(withoutALogLine, true).details()).isEmpty();
        assertThat(AddedEntries.of(new AddRequest(2, null, null, "/opt/antnode/antnode", null,
                new io.antfleet.fleet.PortRange(55001, 55002), null, null, true,
                new io.antfleet.fleet.WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124"), null, null,
                io.antfleet.fleet.spec.EvmNetwork.ARBITRUM_ONE), out, 0)).as("a binary by path: add prints no version").isEmpty();
    }

    @Test
    void downloadLinesAndTheRootAccountLineAreRecognisedAndSkipped() {
        AddOutput out = add.parse(Golden.read("add-download-as-root.txt"), true);

        assertThat(out.added()).extracting(ServiceName::value).containsExactly("antnode5", "antnode6", "antnode7");
        assertThat(out.downloadLines()).hasSize(2).first().asString().startsWith("Downloading antnode version 0.4.17");
    }

    @Test
    void aFailedNodeIsReadFromItsCrossLineAndTheAddedOnesStayListed() {
        AddOutput out = add.parse(Golden.read("add-partial-failure.txt"), false);

        assertThat(out.added()).extracting(ServiceName::value).containsExactly("antnode1", "antnode2");
        assertThat(out.failures()).containsExactly(new NodeFailure("antnode3", "Permission denied (os error 13)"));
    }

    @Test
    void aServiceNameOutsideTheBlockIsNotTakenForANewNode() {
        AddOutput out = add.parse(Golden.read("add-debug-noise.txt"), true);

        assertThat(out.added()).extracting(ServiceName::value).containsExactly("antnode2");
    }

    @Test
    void aSuccessfulAddWithoutTheBlockIsAnError() {
        assertThatThrownBy(() -> add.parse("", true)).isInstanceOf(AntctlOutputException.class)
                .hasMessageContaining("Services Added");
        assertThatThrownBy(() -> add.parse("Service antnode1 created successfully\n", true))
                .isInstanceOf(AntctlOutputException.class);
    }

    @Test
    void anAnnouncedCountThatDisagreesWithTheListedNodesIsAnError() {
        String truncated = Golden.read("add-download-as-root.txt").split(" ✓ antnode7")[0];

        assertThatThrownBy(() -> add.parse(truncated, true)).isInstanceOf(AntctlOutputException.class)
                .hasMessageContaining("announced 3");
    }

    @Test
    void theUpgradeSummaryGivesOneOutcomePerNode() {
        UpgradeSummary summary = upgrade.parse(Golden.read("upgrade-mixed.txt"));

        assertThat(summary.allAtLatest()).isFalse();
        assertThat(summary.outcomes()).containsExactly(
                new UpgradeOutcome(ServiceName.of("antnode1"), UpgradeOutcome.Kind.UPGRADED, "0.4.16", "0.4.17", null),
                new UpgradeOutcome(ServiceName.of("antnode2"), UpgradeOutcome.Kind.NOT_REQUIRED, null, null, null),
                new UpgradeOutcome(ServiceName.of("antnode3"), UpgradeOutcome.Kind.FORCED, "0.4.17", "0.4.16", null),
                new UpgradeOutcome(ServiceName.of("antnode5"), UpgradeOutcome.Kind.FAILED, null, null,
                        "Error: The antnode5 service failed to start"),
                new UpgradeOutcome(ServiceName.of("antnode6"), UpgradeOutcome.Kind.NOT_STARTED, "0.4.16", "0.4.17",
                        "upgraded from 0.4.16 to 0.4.17 but it did not start"));
        assertThat(summary.failed()).extracting(o -> o.service().value()).containsExactly("antnode5", "antnode6");
    }

    @Test
    void nothingToUpgradeIsItsOwnCase() {
        UpgradeSummary summary = upgrade.parse(Golden.read("upgrade-all-latest.txt"));

        assertThat(summary.allAtLatest()).isTrue();
        assertThat(summary.outcomes()).isEmpty();
    }

    @Test
    void anUpgradeOutputWithoutSummaryIsAnError() {
        assertThatThrownBy(() -> upgrade.parse("Retrieving latest version of antnode...\n"))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("Upgrade summary");
    }

    @Test
    void stopFailuresAreReadFromTheirCrossLines() {
        assertThat(new FailureLineParser().parse(Golden.read("stop-failure.txt")))
                .containsExactly(new NodeFailure("antnode2", "Failed to stop the service"));
    }

    @Test
    void aReleaseVersionGivesItsSeries() {
        AntctlVersion v = VersionParser.parse(Golden.read("version-release.txt"));

        assertThat(v.version()).isEqualTo("0.14.2");
        assertThat(v.series()).isEqualTo("0.14");
        assertThat(v.packageVersion()).isEqualTo("2026.2.3.2");
        assertThat(v.gitInfo()).isEqualTo("stable / 4f1e2d3 / 2026-02-03");
        assertThat(v.isNightly()).isFalse();
    }

    @Test
    void aNightlyVersionHasADateAndNoSeries() {
        AntctlVersion v = VersionParser.parse(Golden.read("version-nightly.txt"));

        assertThat(v.isNightly()).isTrue();
        assertThat(v.nightlyDate()).isEqualTo("2026.02.03");
        assertThat(v.series()).isNull();
    }

    @Test
    void anUnrecognisedVersionLineIsAnError() {
        assertThatThrownBy(() -> VersionParser.parse("safenode-manager 0.10.0\n"))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("safenode-manager 0.10.0");
        assertThatThrownBy(() -> VersionParser.parse("")).isInstanceOf(AntctlOutputException.class);
    }
}
