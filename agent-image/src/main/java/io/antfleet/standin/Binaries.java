package io.antfleet.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where an antnode binary comes from. Nothing can be downloaded here, so a "download" of version X takes
 * {@code <distDir>/X/antnode} and prints the real tool's download lines; an unknown version fails the way
 * a failed download does. {@code --path} binaries report their own version through {@code --version}.
 */
final class Binaries {
    /** A binary ready to be copied into node directories. */
    record Source(Path binary, String version) {
    }

    private Binaries() {
    }

    static Source resolve(ParsedArgs args, Context ctx) {
        if (args.value("path").isPresent()) {
            Path path = Path.of(args.value("path").get());
            return new Source(path, versionOf(path));
        }
        if (args.value("url").isPresent()) {
            String url = args.value("url").get();
            ctx.out().println("Retrieving antnode from " + url); // helpers.rs:182
            if (url.startsWith("file://") && Files.isExecutable(Path.of(url.substring("file://".length())))) {
                Path path = Path.of(url.substring("file://".length()));
                ctx.out().println("Download completed: " + path);
                return new Source(path, versionOf(path));
            }
            throw new Failure("Failed to download antnode from " + url + ": the stand-in only reads file:// URLs");
        }
        // helpers.rs:207-260: without --version the latest is looked up first, then downloaded
        if (args.value("version").isEmpty()) {
            ctx.out().println(args.command().equals("upgrade") ? "Retrieving latest version of antnode..."
                    : "Retrieving latest version for antnode...");
            if (args.command().equals("upgrade")) {
                ctx.out().println("Latest version is " + Environment.LATEST_ANTNODE);
            }
        }
        String version = args.value("version").orElse(Environment.LATEST_ANTNODE);
        ctx.out().println("Downloading antnode version " + version + "...");
        Path binary = ctx.env().distDir().resolve(version).resolve("antnode");
        if (!Files.isExecutable(binary)) {
            throw new Failure("Failed to download antnode version " + version
                    + ": HTTP status client error (404 Not Found) for the release archive");
        }
        ctx.out().println("Download completed: " + binary);
        return new Source(binary, version);
    }

    static String versionOf(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new Failure("The antnode binary at " + binary + " does not exist or is not executable");
        }
        try {
            Process p = new ProcessBuilder(List.of(binary.toString(), "--version"))
                    .redirectErrorStream(true).redirectInput(new java.io.File("/dev/null")).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Failure("Timed out reading the version of " + binary);
            }
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")[0];
            int v = first.indexOf('v');
            if (p.exitValue() != 0 || v < 0) {
                throw new Failure("Could not read the version of " + binary + " from '" + first + "'");
            }
            return first.substring(v + 1).trim().split("\\s+")[0];
        } catch (IOException e) {
            throw new Failure("Could not run " + binary + " --version: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    static void install(Source source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(".antnode.tmp");
        Files.copy(source.binary(), temp, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Numeric comparison of X.Y.Z versions. */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int cmp = Integer.compare(part(x, i), part(y, i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
