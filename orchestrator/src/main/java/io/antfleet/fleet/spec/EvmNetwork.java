package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Redaction;
import io.antfleet.fleet.WalletAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The EVM network nodes are paid on (antctl-contract.md §2: antctl add's last subcommand group). The
 * node managers turn it into their own arguments; a custom network's rpc url is checked there, before
 * any process sees it.
 */
public sealed interface EvmNetwork permits EvmNetwork.Named, EvmNetwork.Custom {
    EvmNetwork ARBITRUM_ONE = new Named(Known.ARBITRUM_ONE);
    EvmNetwork ARBITRUM_SEPOLIA_TEST = new Named(Known.ARBITRUM_SEPOLIA_TEST);
    EvmNetwork LOCAL = new Named(Known.LOCAL);

    /** The networks antctl knows by name. */
    enum Known {
        ARBITRUM_ONE("evm-arbitrum-one"),
        ARBITRUM_SEPOLIA_TEST("evm-arbitrum-sepolia-test"),
        LOCAL("evm-local");

        private final String subcommand;

        Known(String subcommand) {
            this.subcommand = subcommand;
        }

        public String subcommand() {
            return subcommand;
        }

        public static Optional<Known> fromSubcommand(String value) {
            return Arrays.stream(values()).filter(k -> k.subcommand.equals(value)).findFirst();
        }

        public static List<String> subcommands() {
            return Arrays.stream(values()).map(Known::subcommand).collect(Collectors.toList());
        }
    }

    /** A network by its subcommand name; {@code evm-custom} needs {@link Custom}. */
    static EvmNetwork named(String name) {
        return Known.fromSubcommand(name).<EvmNetwork>map(Named::new).orElseThrow(() -> new IllegalArgumentException(
                "unknown EVM network '" + name + "' (expected " + String.join(", ", Known.subcommands())
                        + " or a custom network)"));
    }

    record Named(Known network) implements EvmNetwork {
        public Named {
            requireNonNull(network, "network is null");
        }
    }

    /** {@code evm-custom}; the merkle payments address is optional. */
    record Custom(String rpcUrl, WalletAddress paymentTokenAddress, WalletAddress dataPaymentsAddress,
            Optional<WalletAddress> merklePaymentsAddress) implements EvmNetwork {
        public Custom {
            requireNonNull(rpcUrl, "rpcUrl is null");
            requireNonNull(paymentTokenAddress, "paymentTokenAddress is null");
            requireNonNull(dataPaymentsAddress, "dataPaymentsAddress is null");
            requireNonNull(merklePaymentsAddress, "merklePaymentsAddress is null");
        }

        /** The rpc URL often holds an API key: never printed whole. */
        @Override
        public String toString() {
            return "Custom[rpcUrl=" + Redaction.url(rpcUrl) + ", paymentTokenAddress=" + paymentTokenAddress
                    + ", dataPaymentsAddress=" + dataPaymentsAddress + ", merklePaymentsAddress=" + merklePaymentsAddress + "]";
        }

    }
}
