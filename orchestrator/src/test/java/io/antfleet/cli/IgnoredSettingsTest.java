package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.settings.Settings;
import io.antfleet.config.settings.SettingsResolver;
import io.antfleet.config.settings.SettingsResolver.ConfigFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IgnoredSettingsTest {
    @Test
    void eachRetiredSettingOfAWnmConfigFileIsOneWarningLine() {
        Settings settings = new SettingsResolver().resolve(Map.of(), Map.of(),
                Optional.of(new ConfigFile("wnm.conf", "node_cap=5\nstart_args=--foo\nsurvey_delay=3\n")), Map.of());
        StringWriter err = new StringWriter();

        IgnoredSettings.warn(settings, new PrintWriter(err));

        assertThat(err.toString().lines()).containsExactly(
                "antfleet: warning: wnm.conf:2: setting 'start_args' is ignored: wnm never used it either; node options come from the fleet spec",
                "antfleet: warning: wnm.conf:3: setting 'survey_delay' is ignored: antfleet reads every node's metrics concurrently, with timeouts");
    }
}
