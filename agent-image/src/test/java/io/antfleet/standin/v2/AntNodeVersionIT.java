package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1: {@code --version} prints exactly one line, {@code ant-node X.Y.Z}, exit 0; ant-core
 * takes its last token and the upgrader strips the {@code ant-node } prefix. clap answers it while parsing
 * argv, before it looks at env values (clap's Version action).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeVersionIT extends V2ContractTestBase {

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void everyInstalledVersionReportsItselfOnOneLine(V2Image image) {
        for (String version : new String[] {CURRENT, NEWER}) {
            V2Container.Exec longForm = on(image).run(binary(version), "--version");
            V2Container.Exec shortForm = on(image).run(binary(version), "-V");

            assertThat(longForm.exit()).isZero();
            assertThat(longForm.out()).isEqualTo("ant-node " + version + "\n");
            assertThat(longForm.err()).isEmpty();
            assertThat(shortForm.out()).isEqualTo(longForm.out());
        }
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void versionIsAnsweredEvenWhenAnEnvValueWouldBeAUsageError(V2Image image) {
        Map<String, String> badLogLevel = Map.of("RUST_LOG", "info,foo=debug");

        V2Container.Exec version = on(image).run(badLogLevel, binary(CURRENT), "--version");
        V2Container.Exec run = on(image).run(badLogLevel, binary(CURRENT), "--rewards-address", ADDRESS,
                "--root-dir", freshDir("version"));

        assertThat(version.exit()).isZero();
        assertThat(version.out()).isEqualTo("ant-node " + CURRENT + "\n");
        assertThat(run.exit()).isEqualTo(2);
    }
}
