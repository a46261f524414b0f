package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.settings.InvalidSettingsException;
import io.antfleet.config.settings.Setting;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.RewardsAddress;
import io.antfleet.store.Database;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsModuleTest {
    private static final String FAUCET = "0x1111111111111111111111111111111111111111";
    private static final String DONATE = "0x2222222222222222222222222222222222222222";
    private static final String OTHER = "0x3333333333333333333333333333333333333333";

    @TempDir
    Path dir;

    private GlobalOptions options(Optional<Path> config) {
        return new GlobalOptions(Optional.of("jdbc:h2:mem:settings_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1"),
                config, OutputFormat.TABLE, false);
    }

    private static Injector settingsOnly(GlobalOptions options, Map<String, String> environment) {
        return Bootstrap.injector(List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
            }
        }, new StoreModule(Database.inMemory("settings_" + UUID.randomUUID().toString().substring(0, 8))),
                new SettingsModule(environment)));
    }

    @Test
    void aFaucetAndDonateAddressFromTheConfigFileAreWhatARewardsListNamingThemPays() throws IOException {
        Path config = Files.writeString(dir.resolve("antfleet.conf"), "faucet-address=" + FAUCET + "\ndonate_address=" + DONATE + "\n");
        Injector injector = Bootstrap.injector(Bootstrap.modules(options(Optional.of(config))));

        WalletPicker wallets = injector.getInstance(WalletPicker.class);

        assertThat(wallets.pick(RewardsAddress.parse("faucet"))).isEqualTo(new WalletAddress(FAUCET));
        assertThat(wallets.pick(RewardsAddress.parse("donate"))).isEqualTo(new WalletAddress(DONATE));
        injector.getInstance(StoreConnection.class).close();
    }

    @Test
    void theBoundSpecLoaderTakesTheSettingsAsDefaultsForWhatASpecLeavesOut() throws IOException {
        Path config = Files.writeString(dir.resolve("wnm.conf"), "node_cap=7\nport_start=56\nprocess_manager=antctl+sudo\n");
        Injector injector = settingsOnly(options(Optional.of(config)), Map.of());

        FleetSpec spec = injector.getInstance(SpecLoader.class).parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1",
                "fleet: home", "image: i", "rewardsAddress: " + OTHER, "containers: [{name: a, nodes: 1}]", ""));

        assertThat(spec.autoscale().nodeCap()).isEqualTo(7);
        assertThat(spec.ports().node()).isEqualTo(56000);
        assertThat(injector.getInstance(Settings.class).ignored()).containsExactly(config
                + ":3: setting 'process_manager' is ignored: the fleet spec's processManager sets it per fleet or container");
        injector.getInstance(StoreConnection.class).close();
    }

    @Test
    void theEnvironmentWinsOverTheConfigFileWhichWinsOverTheDatabase() throws IOException {
        Path config = Files.writeString(dir.resolve("antfleet.conf"), "donate-address=" + DONATE + "\nfaucet-address=" + FAUCET + "\n");
        Injector injector = settingsOnly(options(Optional.of(config)), Map.of("ANTFLEET_FAUCET_ADDRESS", OTHER));
        injector.getInstance(MachineSettings.class).put("donate_address", OTHER);
        injector.getInstance(MachineSettings.class).put("node_cap", "7");

        Settings settings = injector.getInstance(Settings.class);

        assertThat(settings.get(Setting.FAUCET_ADDRESS, WalletAddress.class)).contains(new WalletAddress(OTHER));
        assertThat(settings.get(Setting.DONATE_ADDRESS, WalletAddress.class)).contains(new WalletAddress(DONATE));
        assertThat(settings.integer(Setting.NODE_CAP)).isEqualTo(7);
        injector.getInstance(StoreConnection.class).close();
    }

    @Test
    void aMissingConfigFileIsASettingsProblemNamingIt() {
        Path missing = dir.resolve("nope.conf");
        Injector injector = settingsOnly(options(Optional.of(missing)), Map.of());

        assertThatThrownBy(() -> injector.getInstance(Settings.class)).isInstanceOf(ProvisionException.class)
                .cause().isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--config " + missing);
        injector.getInstance(StoreConnection.class).close();
    }

    @Test
    void withoutAnyAddressSettingAFaucetListIsAClearError() {
        Injector injector = Bootstrap.injector(Bootstrap.modules(options(Optional.empty())));

        assertThatThrownBy(() -> injector.getInstance(WalletPicker.class).pick(RewardsAddress.parse("faucet")))
                .hasMessageContaining("no faucet-address setting");
        injector.getInstance(StoreConnection.class).close();
    }
}
