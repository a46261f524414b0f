package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.spec.FleetSpec;
import org.junit.jupiter.api.Test;

/** A custom network's rpc URL (it holds the provider's API key) never reaches the report or the journal. */
class RpcUrlRedactionTest {
    private static final String KEY = "KEY0123456789abcdef";
    private static final String RPC = "https://arb-mainnet.example.com/v2/" + KEY;

    private final FakeFleet fleet = new FakeFleet();
    private final FakeAntctl antctl = fleet.antctl("home-alpha");

    private static FleetSpec spec() {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'",
                "network: {custom: {rpcUrl: '" + RPC + "', paymentTokenAddress: '0x4bc1aCE0E66170375462cB4E6Af42Ad4D5EC689C',"
                        + " dataPaymentsAddress: '0x607483B50C5F06c25cDC316b6d1E071084EeC9f5'}}",
                "containers:", "  - {name: alpha, nodes: 1}", ""));
    }

    @Test
    void aFailedAddWithACustomNetworkShowsTheRpcUrlRedactedInTheReportAndTheJournal() {
        antctl.failNext("add", new ExecResult(1, "", "Error: rpc " + RPC + " answered 401\n"));

        ApplyReport report = fleet.service().apply(spec(), false);

        assertThat(report.ok()).isFalse();
        assertThat(antctl.calls()).anySatisfy(call -> assertThat(call).contains(RPC));
        assertThat(report.toString()).contains("arb-mainnet.example.com").doesNotContain(KEY);
        assertThat(fleet.store.journal.recent(100)).extracting(Operation::error).isNotEmpty()
                .anySatisfy(e -> assertThat(e).contains("--rpc-url")).allSatisfy(e -> assertThat(String.valueOf(e)).doesNotContain(KEY));
        assertThat(spec().toString()).doesNotContain(KEY);
    }
}
