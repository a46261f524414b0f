package io.antfleet.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.cli.Main;
import io.antfleet.store.DataHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file, the listen address and the refusal of a clear-text listener off loopback. */
class ServeTokenTest {
    @TempDir
    Path dir;

    @Test
    void theTokenIsMadeOwnerOnlyOnceAndReadBackAfterwards() throws IOException {
        ServeToken first = ServeToken.loadOrCreate(dir.resolve("antfleet"));
        ServeToken again = ServeToken.loadOrCreate(dir.resolve("antfleet"));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.value()).isEqualTo(first.value()).hasSize(43);
        assertThat(Files.getPosixFilePermissions(first.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.matches(first.value())).isTrue();
        assertThat(first.matches(first.value() + "x")).isFalse();
        assertThat(first.matches(null)).isFalse();
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void aTokenFileOthersCouldReadIsMadeOwnerOnlyAgain() throws IOException {
        ServeToken made = ServeToken.loadOrCreate(dir);
        Files.setPosixFilePermissions(made.file(), PosixFilePermissions.fromString("rw-r--r--"));

        ServeToken.loadOrCreate(dir);

        assertThat(Files.getPosixFilePermissions(made.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void listenAddressesParseAndOnlyLoopbackCountsAsLoopback() {
        assertThat(ListenAddress.parse("127.0.0.1:8765")).isEqualTo(new ListenAddress("127.0.0.1", 8765));
        assertThat(ListenAddress.parse("[::1]:9000").loopback()).isTrue();
        assertThat(ListenAddress.parse("0.0.0.0:8765").loopback()).isFalse();
        assertThatThrownBy(() -> ListenAddress.parse("8765")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000")).hasMessageContaining("0-65535");
    }

    @Test
    void serveOffLoopbackWithoutTlsExitsTwoSayingWhyAndMakesNoToken() {
        System.setProperty(DataHome.PROPERTY, dir.toString());
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "--db", "jdbc:h2:mem:serve_refused", "serve", "--listen", "0.0.0.0:0");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to serve on 0.0.0.0 without TLS", "--tls-cert");
            assertThat(dir.resolve("antfleet").resolve(ServeToken.FILE_NAME)).doesNotExist();
        } finally {
            System.clearProperty(DataHome.PROPERTY);
        }
    }
}
