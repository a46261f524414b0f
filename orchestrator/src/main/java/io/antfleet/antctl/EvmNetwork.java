package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Redaction;
import io.antfleet.fleet.WalletAddress;
import java.util.ArrayList;
import java.util.List;

/** The EVM network subcommand of {@code antctl add}; antctl requires it as the last token group. */
public sealed interface EvmNetwork {
    EvmNetwork ARBITRUM_ONE = new ArbitrumOne();
    EvmNetwork ARBITRUM_SEPOLIA_TEST = new ArbitrumSepoliaTest();
    EvmNetwork LOCAL = new Local();

    List<String> arguments();

    /** The subcommand names of the simple networks; {@code evm-custom} needs {@link Custom}. */
    static EvmNetwork named(String name) {
        switch (name) {
            case "evm-arbitrum-one":
                return ARBITRUM_ONE;
            case "evm-arbitrum-sepolia-test":
                return ARBITRUM_SEPOLIA_TEST;
            case "evm-local":
                return LOCAL;
            default:
                throw new IllegalArgumentException("unknown EVM network '" + name
                        + "' (expected evm-arbitrum-one, evm-arbitrum-sepolia-test, evm-local or a custom network)");
        }
    }

    record ArbitrumOne() implements EvmNetwork {
        @Override
        public List<String> arguments() {
            return List.of("evm-arbitrum-one");
        }
    }

    record ArbitrumSepoliaTest() implements EvmNetwork {
        @Override
        public List<String> arguments() {
            return List.of("evm-arbitrum-sepolia-test");
        }
    }

    record Local() implements EvmNetwork {
        @Override
        public List<String> arguments() {
            return List.of("evm-local");
        }
    }

    /** {@code evm-custom}; {@code merklePaymentsAddress} is optional (null). */
    record Custom(String rpcUrl, WalletAddress paymentTokenAddress, WalletAddress dataPaymentsAddress,
            WalletAddress merklePaymentsAddress) implements EvmNetwork {
        public Custom {
            Arguments.url("EVM rpc url", rpcUrl);
            requireNonNull(paymentTokenAddress, "paymentTokenAddress is null");
            requireNonNull(dataPaymentsAddress, "dataPaymentsAddress is null");
        }

        /** The rpc URL often holds an API key: never printed whole. */
        @Override
        public String toString() {
            return "Custom[rpcUrl=" + Redaction.url(rpcUrl) + ", paymentTokenAddress=" + paymentTokenAddress
                    + ", dataPaymentsAddress=" + dataPaymentsAddress + ", merklePaymentsAddress=" + merklePaymentsAddress + "]";
        }

        @Override
        public List<String> arguments() {
            List<String> args = new ArrayList<>(List.of("evm-custom", "--rpc-url", rpcUrl,
                    "--payment-token-address", paymentTokenAddress.value(),
                    "--data-payments-address", dataPaymentsAddress.value()));
            if (merklePaymentsAddress != null) {
                args.add("--merkle-payments-address");
                args.add(merklePaymentsAddress.value());
            }
            return args;
        }
    }
}
