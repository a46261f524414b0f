package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.RewardsAddress;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Draws each new node's wallet from the weighted rewards list, as wnm does (once per node, kept for
 * life). {@code faucet} and {@code donate} resolve to the faucet-address and donate-address settings.
 */
public final class WalletPicker {
    private final Supplier<Optional<WalletAddress>> faucet;
    private final Supplier<Optional<WalletAddress>> donate;
    private final IntUnaryOperator random;

    /** @param random given a bound n, returns a number in [0, n) */
    public WalletPicker(Optional<WalletAddress> faucet, Optional<WalletAddress> donate, IntUnaryOperator random) {
        this(constant(faucet, "faucet"), constant(donate, "donate"), random);
    }

    /**
     * With the faucet and donate addresses looked up only when a list names them: the settings behind
     * them live in the database, which a command that adds no node need not open.
     */
    public WalletPicker(Supplier<Optional<WalletAddress>> faucet, Supplier<Optional<WalletAddress>> donate,
            IntUnaryOperator random) {
        this.faucet = requireNonNull(faucet, "faucet is null");
        this.donate = requireNonNull(donate, "donate is null");
        this.random = requireNonNull(random, "random is null");
    }

    public static WalletPicker secure(Optional<WalletAddress> faucet, Optional<WalletAddress> donate) {
        return secure(constant(faucet, "faucet"), constant(donate, "donate"));
    }

    public static WalletPicker secure(Supplier<Optional<WalletAddress>> faucet, Supplier<Optional<WalletAddress>> donate) {
        java.security.SecureRandom r = new java.security.SecureRandom();
        return new WalletPicker(faucet, donate, r::nextInt);
    }

    private static Supplier<Optional<WalletAddress>> constant(Optional<WalletAddress> address, String name) {
        requireNonNull(address, name + " is null");
        return () -> address;
    }

    public WalletAddress pick(RewardsAddress rewards) {
        RewardsAddress.Entry entry = rewards.entries().size() == 1 ? rewards.entries().get(0)
                : rewards.pick(random.applyAsInt(rewards.totalWeight()));
        switch (entry.kind()) {
            case FAUCET:
                return faucet.get().orElseThrow(() -> new AntfleetException(
                        "rewardsAddress uses 'faucet' but no faucet-address setting is given (ANTFLEET_FAUCET_ADDRESS)"));
            case DONATE:
                return donate.get().orElseThrow(() -> new AntfleetException(
                        "rewardsAddress uses 'donate' but no donate-address setting is given (ANTFLEET_DONATE_ADDRESS)"));
            default:
                return entry.address().orElseThrow();
        }
    }
}
