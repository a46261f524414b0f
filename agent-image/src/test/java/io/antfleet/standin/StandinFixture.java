package io.antfleet.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the native antctl stand-in (built by Maven from {@code src/main/go/antctl} into {@code target/antctl}) as a
 * process in user mode against temporary directories; nodes are never started. Its environment points the
 * stand-in's own settings ({@code ANTCTL_STANDIN_DIR}, {@code ANTCTL_STANDIN_DIST}, the service manager) at the
 * test's files. The real tool picks user mode by effective uid, so when the tests run as root the command runs as
 * {@code nobody} through util-linux {@code setpriv}, and the test's files are handed to that uid before each run.
 */
final class StandinFixture {
    static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Path BINARY = Path.of(System.getProperty("antctl.binary", "target/antctl"));
    private static final int NOBODY = 65534;
    private static final long TIMEOUT_SECONDS = 30;

    record Result(int exit, String out, String err) {
    }

    final Path temp;
    final Path home;
    final Path standinDir;
    final Path distDir;
    /** The service manager the stand-in stands for: systemd (user mode allowed) unless a test says otherwise. */
    String services = "systemd";

    StandinFixture(Path temp) throws IOException {
        this.temp = temp;
        home = Files.createDirectories(temp.resolve("home"));
        standinDir = Files.createDirectories(temp.resolve("standin"));
        distDir = temp.resolve("dist");
        for (String version : List.of("0.4.16", "0.4.17")) {
            Path binary = Files.createDirectories(distDir.resolve(version)).resolve("antnode");
            Files.writeString(binary, "#!/bin/sh\necho 'Autonomi Node v" + version + "'\n");
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            handToNobody();
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.add(BINARY.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("ANTCTL_STANDIN_DIR", standinDir.toString());
        env.put("ANTCTL_STANDIN_DIST", distDir.toString());
        env.put("ANTCTL_STANDIN_SERVICE_MANAGER", services);
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, true));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, false));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("antctl " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            UpstreamFormats.check(List.of(args), stdout);
            return new Result(p.exitValue(), stdout, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(Process p, boolean stdout) {
        try {
            return (stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Everything the test made (registry, fault file, dirs) becomes the uid the stand-in runs as. */
    private void handToNobody() {
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result add(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "add";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[extra.length + 1] = "--rewards-address";
        args[extra.length + 2] = ADDRESS;
        args[extra.length + 3] = "evm-arbitrum-one";
        return run(args);
    }

    Path registryFile() {
        return home.resolve(".local/share/autonomi/node/node_registry.json");
    }

    String registryText() throws IOException {
        return Files.readString(registryFile());
    }
}
