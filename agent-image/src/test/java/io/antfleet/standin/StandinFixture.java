package io.antfleet.standin;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Runs the stand-in in-process in user mode against temporary directories; nodes are never started. */
final class StandinFixture {
    static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    record Result(int exit, String out, String err) {
    }

    final Path home;
    final Path standinDir;
    final Path distDir;
    /** The service manager the in-process stand-in stands for: systemd (user mode allowed) unless a test says otherwise. */
    ServiceManager services = ServiceManager.SYSTEMD;

    StandinFixture(Path temp) throws IOException {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context ctx = new Context(new Environment(false, home, standinDir, distDir, services),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(stdin)), new NodeControl());
        int exit = new Antctl(ctx).run(List.of(args));
        UpstreamFormats.check(List.of(args), out.toString(StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
