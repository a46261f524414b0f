package io.antfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String RPC = "https://arb-mainnet.example.com/v2/KEY0123456789?token=SECRET";

    @Test
    void anRpcUrlKeepsOnlyItsSchemeHostAndPort() {
        assertThat(Redaction.url(RPC)).isEqualTo("https://arb-mainnet.example.com/…(redacted)");
        assertThat(Redaction.url("http://user:pw@node.example:8545/KEY")).isEqualTo("http://node.example:8545/…(redacted)");
        assertThat(Redaction.url("not a url KEY")).doesNotContain("KEY");
    }

    @Test
    void aCommandShowsTheRpcUrlRedactedAndEverythingElseAsItIs() {
        List<String> command = List.of("antctl", "add", "--count", "2", "evm-custom", "--rpc-url", RPC,
                "--payment-token-address", "0xabc");

        assertThat(Redaction.command(command)).containsExactly("antctl", "add", "--count", "2", "evm-custom", "--rpc-url",
                "https://arb-mainnet.example.com/…(redacted)", "--payment-token-address", "0xabc");
        assertThat(Redaction.command(List.of("--rpc-url=" + RPC)).toString()).doesNotContain("KEY0123456789");
    }

    @Test
    void textThatEchoesTheRpcUrlHasItRedacted() {
        String stderr = "Error: cannot reach " + RPC + ": 401";

        assertThat(Redaction.text(stderr, List.of("evm-custom", "--rpc-url", RPC)))
                .isEqualTo("Error: cannot reach https://arb-mainnet.example.com/…(redacted): 401");
    }
}
