package io.antfleet.serve;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The dashboard's secret: 32 random bytes, URL-safe base64, in {@code serve.token} (mode 0600) beside the
 * embedded database. Made on first start and kept, so that a bookmarked login URL keeps working; delete the
 * file to change it.
 *
 * @param created true when this start made the file (the login URL is then printed)
 */
public record ServeToken(String value, Path file, boolean created) {
    public static final String FILE_NAME = "serve.token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public ServeToken {
        if (value == null || value.length() < 32) {
            throw new IllegalArgumentException("a serve token has at least 32 characters");
        }
    }

    /** Reads the token in {@code dir}, or makes one there (the directory too) readable by its owner only. */
    public static ServeToken loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(dir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // created with 0600 from the start: never a moment when others may read it
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            return new ServeToken(value, file, true);
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        } catch (IOException e) {
            throw new AntfleetException("cannot make the dashboard token " + file + ": " + e.getMessage(), e);
        }
    }

    private static ServeToken read(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (value.length() < 32) {
                throw new AntfleetException("the dashboard token in " + file + " is shorter than 32 characters; "
                        + "delete the file and a new one is made");
            }
            return new ServeToken(value, file, false);
        } catch (IOException e) {
            throw new AntfleetException("cannot read the dashboard token " + file + ": " + e.getMessage(), e);
        }
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the token. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ServeToken[" + file + "]";
    }
}
