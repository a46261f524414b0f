package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgParserTest {
    private static final String ADDRESS = StandinFixture.ADDRESS;

    private static ParsedArgs parse(String command, String... args) {
        return ArgParser.parse(CommandSpec.named(command).orElseThrow(), List.of(args));
    }

    @Test
    void addTakesFlagsThenTheEvmNetwork() {
        ParsedArgs args = parse("add", "--count", "3", "--node-port=55001-55003", "--rewards-address", ADDRESS,
                "evm-arbitrum-one");

        assertThat(args.number("count", 1)).isEqualTo(3);
        assertThat(args.value("node-port")).contains("55001-55003");
        assertThat(args.evmNetwork()).isEqualTo("evm-arbitrum-one");
    }

    @Test
    void portFlagIsAnUnexpectedArgument() {
        assertThatThrownBy(() -> parse("add", "--port", "55001", "--rewards-address", ADDRESS, "evm-arbitrum-one"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unexpected argument '--port' found");
    }

    @Test
    void flagsAfterTheEvmNetworkAreRejected() {
        assertThatThrownBy(() -> parse("add", "--rewards-address", ADDRESS, "evm-arbitrum-one", "--count", "2"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unexpected argument '--count' found");
    }

    @Test
    void rewardsAddressIsRequired() {
        assertThatThrownBy(() -> parse("add", "evm-arbitrum-one"))
                .hasMessageContaining("required arguments were not provided")
                .hasMessageContaining("--rewards-address <REWARDS_ADDRESS>");
    }

    @Test
    void evmNetworkIsRequired() {
        assertThatThrownBy(() -> parse("add", "--rewards-address", ADDRESS))
                .hasMessageContaining("requires a subcommand");
    }

    @Test
    void evmCustomNeedsItsThreeAddresses() {
        assertThatThrownBy(() -> parse("add", "--rewards-address", ADDRESS, "evm-custom", "--rpc-url", "http://x"))
                .hasMessageContaining("--payment-token-address <PAYMENT_TOKEN_ADDRESS>");
    }

    @Test
    void singleValuedFlagCannotRepeat() {
        assertThatThrownBy(() -> parse("add", "--count", "1", "--count", "2", "--rewards-address", ADDRESS,
                "evm-arbitrum-one"))
                .hasMessage("the argument '--count <COUNT>' cannot be used multiple times");
    }

    @Test
    void envRepeatsOneVariablePerOccurrenceWithoutCommaSplitting() {
        ParsedArgs args = parse("add", "--env", "A=1,B=2", "--env", "C=3", "--rewards-address", ADDRESS,
                "evm-arbitrum-one");

        assertThat(args.values("env")).containsExactly("A=1,B=2", "C=3");
    }

    @Test
    void serviceNameRepeatsAndConflictsWithPeerId() {
        assertThat(parse("start", "--service-name", "antnode1", "--service-name", "antnode2").values("service-name"))
                .containsExactly("antnode1", "antnode2");
        assertThatThrownBy(() -> parse("stop", "--service-name", "antnode1", "--peer-id", "12D3"))
                .hasMessageContaining("cannot be used with");
    }

    @Test
    void statusJsonConflictsWithDetails() {
        assertThatThrownBy(() -> parse("status", "--json", "--details"))
                .hasMessage("the argument '--json' cannot be used with '--details'");
    }

    @Test
    void resetAcceptsShortForce() {
        assertThat(parse("reset", "-f").has("force")).isTrue();
    }

    @Test
    void countMustBeANumber() {
        assertThatThrownBy(() -> parse("add", "--count", "x", "--rewards-address", ADDRESS, "evm-arbitrum-one"))
                .hasMessage("invalid value 'x' for '--count <COUNT>': invalid digit found in string");
    }

    @Test
    void descendingPortRangeIsAUsageError() {
        assertThatThrownBy(() -> parse("add", "--node-port", "5-3", "--rewards-address", ADDRESS, "evm-arbitrum-one"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("End port must be greater than start port");
    }

    @Test
    void badRewardsAddressIsAUsageError() {
        assertThatThrownBy(() -> parse("add", "--rewards-address", "0x12", "evm-arbitrum-one"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void versionConflictsWithUrl() {
        assertThatThrownBy(() -> parse("upgrade", "--version", "0.4.17", "--url", "http://x"))
                .hasMessageContaining("cannot be used with");
    }

    @Test
    void positionalArgumentOfStatusIsUnexpected() {
        assertThatThrownBy(() -> parse("status", "antnode1")).hasMessage("unexpected argument 'antnode1' found");
    }
}
