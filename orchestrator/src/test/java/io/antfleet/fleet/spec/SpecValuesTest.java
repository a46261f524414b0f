package io.antfleet.fleet.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.PortRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecValuesTest {
    private static final String A = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    @Test
    void aBareAddressHasWeightOne() {
        RewardsAddress r = RewardsAddress.parse(A);

        assertThat(r.entries()).containsExactly(new RewardsAddress.Entry(RewardsAddress.Kind.ADDRESS,
                Optional.of(new io.antfleet.fleet.WalletAddress(A)), 1));
    }

    @Test
    void weightedEntriesAreDrawnInProportionToTheirWeights() {
        RewardsAddress r = RewardsAddress.parse(" " + A + ":100 , faucet:1,donate : 10 ");

        assertThat(r.totalWeight()).isEqualTo(111);
        assertThat(r.pick(0).kind()).isEqualTo(RewardsAddress.Kind.ADDRESS);
        assertThat(r.pick(99).kind()).isEqualTo(RewardsAddress.Kind.ADDRESS);
        assertThat(r.pick(100).kind()).isEqualTo(RewardsAddress.Kind.FAUCET);
        assertThat(r.pick(101).kind()).isEqualTo(RewardsAddress.Kind.DONATE);
        assertThat(r.pick(110).kind()).isEqualTo(RewardsAddress.Kind.DONATE);
        assertThatThrownBy(() -> r.pick(111)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNormalizedFormWritesEveryWeight() {
        assertThat(RewardsAddress.parse("faucet,DONATE:3").toString()).isEqualTo("faucet:1,donate:3");
    }

    @Test
    void addressesNeedFortyHexDigits() {
        assertThatThrownBy(() -> RewardsAddress.parse("0x" + "g".repeat(40))).hasMessageContaining("invalid wallet address");
        assertThatThrownBy(() -> RewardsAddress.parse(A + "0")).hasMessageContaining("invalid wallet address");
    }

    @Test
    void blockIOfThePortPlanIsOffsetByITimesTheBlockSize() {
        PortPlan plan = new PortPlan(55000, 13000, 30000, 50);

        assertThat(plan.block(2).node()).isEqualTo(new PortRange(55100, 55149));
        assertThat(plan.block(2).metrics()).isEqualTo(new PortRange(13100, 13149));
        assertThat(plan.fits(209)).isTrue();
        assertThat(plan.fits(210)).isFalse();
    }

    @Test
    void memorySizesUseDockersUnits() {
        assertThat(Limits.parseMemory("512m")).isEqualTo(512L * 1024 * 1024);
        assertThat(Limits.parseMemory("4G")).isEqualTo(4L * 1024 * 1024 * 1024);
        assertThat(Limits.parseMemory("1048576")).isEqualTo(1048576L);
        assertThatThrownBy(() -> Limits.parseMemory("4 GB")).hasMessageContaining("invalid memory size '4 GB'");
    }

    @Test
    void networksAreKnownByTheirSubcommandAndAntnodeSourcesAreChecked() {
        assertThat(EvmNetwork.named("evm-local")).isEqualTo(new EvmNetwork.Named(EvmNetwork.Known.LOCAL));
        assertThatThrownBy(() -> EvmNetwork.named("evm-mainnet")).hasMessageContaining("unknown EVM network 'evm-mainnet'");
        assertThat(new AntnodeSource.Version("0.4.17").version()).isEqualTo("0.4.17");
        assertThatThrownBy(() -> new AntnodeSource.Version("0.4")).hasMessageContaining("invalid antnode version '0.4'");
        assertThatThrownBy(() -> new AntnodeSource.Path("opt/antnode")).hasMessageContaining("is not absolute");
    }

    @Test
    void fleetAndContainerNamesMustSuitDocker() {
        assertThat(List.of("home", "a", "rack-1.b_2")).allMatch(FleetSpec::isValidName);
        assertThat(List.of("", "-x", "a b", "a/b", "x".repeat(64))).noneMatch(FleetSpec::isValidName);
    }

    @Test
    void aThresholdNeedsAddBelowRemove() {
        assertThatThrownBy(() -> new Autoscale.Threshold(70, 70)).hasMessageContaining("need 0 <= add < remove <= 100");
    }
}
