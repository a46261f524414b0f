package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbSecretsTest {
    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/antfleet?user=fleet";

    @TempDir
    Path dir;

    @Test
    void aPasswordFileGivesTheUrlItsPassword() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret&x\nignored\n");

        Optional<String> password = DbPassword.resolve(Optional.of(file), Map.of(DbPassword.ENV, "from-env"));

        assertThat(Database.parse(URL).withPasswordIfAbsent(password).password()).contains("s3cret&x");
    }

    @Test
    void theEnvironmentNamesAFileOrHoldsThePassword() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");

        assertThat(DbPassword.resolve(Optional.empty(), Map.of(DbPassword.FILE_ENV, file.toString(), DbPassword.ENV, "x")))
                .contains("from-file");
        assertThat(DbPassword.resolve(Optional.empty(), Map.of(DbPassword.ENV, "from-env"))).contains("from-env");
        assertThat(DbPassword.resolve(Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void aPasswordInTheUrlIsKeptAndShownMasked() {
        Database db = Database.parse(URL + "&password=inurl").withPasswordIfAbsent(Optional.of("other"));

        assertThat(db.password()).contains("inurl");
        assertThat(Database.hasPassword(db.url())).isTrue();
        assertThat(Database.hasPassword(URL)).isFalse();
        assertThat(db.toString()).doesNotContain("inurl");
    }

    @Test
    void anUnreadablePasswordFileIsAClearError() {
        assertThatThrownBy(() -> DbPassword.resolve(Optional.of(dir.resolve("missing")), Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("database password file").hasMessageContaining("missing");
    }

    @Test
    void theEmbeddedDatabasesDirectoryIsCreatedOwnerOnlyAndTightenedWhenLooser() throws Exception {
        Path made = DataHome.createPrivate(dir.resolve("share").resolve("antfleet"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");

        Path loose = Files.createDirectory(dir.resolve("loose"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        DataHome.createPrivate(loose);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loose))).isEqualTo("rwx------");
    }
}
