package io.antfleet.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.settings.AutoscaleSettingsFactory;
import io.antfleet.config.settings.InvalidSettingsException;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.settings.SettingsResolver;
import io.antfleet.config.settings.SettingsResolver.ConfigFile;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.store.MachineSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global settings chain: {@code ANTFLEET_*} environment &gt; the {@code --config} file &gt; the
 * database's machine table &gt; defaults, resolved when asked for (so a command that needs no setting opens
 * no database); every problem at once, exit code 2. The spec loader takes its defaults from them, so a
 * spec's own {@code autoscale} and {@code ports} keys win over the settings.
 */
public final class SettingsModule extends AbstractModule {
    private final Map<String, String> environment;

    public SettingsModule() {
        this(System.getenv());
    }

    /** With the environment given, so tests need not change the process's own. */
    SettingsModule(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Unscoped, so never built eagerly: only a caller that needs a setting reads the database. */
    @Provides
    Settings settings(GlobalOptions options, MachineSettings database) {
        Optional<ConfigFile> file = options.configFile().map(SettingsModule::read);
        return new SettingsResolver().resolve(Map.of(), environment, file, database.all());
    }

    @Provides
    SpecLoader specLoader(Settings settings) {
        return new SpecLoader(AutoscaleSettingsFactory.specDefaults(settings));
    }

    private static ConfigFile read(Path path) {
        try {
            return new ConfigFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidSettingsException(List.of("--config " + path + ": cannot read it: " + e.getMessage()));
        }
    }
}
