package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Redaction;
import io.antfleet.fleet.WalletAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The EVM network nodes are paid on: antctl add's last subcommand group (antctl-contract.md §2). */
public sealed interface EvmNetwork permits EvmNetwork.Named, EvmNetwork.Custom {
    /** The arguments that end an {@code antctl add} command line. */
    List<String> antctlArguments();

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

    record Named(Known network) implements EvmNetwork {
        public Named {
            requireNonNull(network, "network is null");
        }

        @Override
        public List<String> antctlArguments() {
            return List.of(network.subcommand());
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

        @Override
        public List<String> antctlArguments() {
            List<String> args = new ArrayList<>(List.of("evm-custom", "--rpc-url", rpcUrl,
                    "--payment-token-address", paymentTokenAddress.value(),
                    "--data-payments-address", dataPaymentsAddress.value()));
            merklePaymentsAddress.ifPresent(a -> args.addAll(List.of("--merkle-payments-address", a.value())));
            return List.copyOf(args);
        }
    }
}
