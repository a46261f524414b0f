package io.antfleet.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where things live for this invocation. The real tool decides by effective uid alone: root gets the
 * system-wide registry and directories, anyone else the user-mode ones under their home.
 *
 * @param standinDir the stand-in's own config and fault files ({@code $ANTCTL_STANDIN_DIR}, default /etc/antctl-standin)
 * @param distDir    where the "downloadable" antnode versions are ({@code <distDir>/<version>/antnode})
 * @param services   the service manager the real tool would use here (what it refuses, the stand-in refuses)
 */
record Environment(boolean root, Path home, Path standinDir, Path distDir, ServiceManager services) {
    static final String LATEST_ANTNODE = "0.4.17";

    Environment {
        Objects.requireNonNull(home, "home is null");
        Objects.requireNonNull(standinDir, "standinDir is null");
        Objects.requireNonNull(distDir, "distDir is null");
        Objects.requireNonNull(services, "services is null");
    }

    static Environment detect() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path standinDir = Path.of(env.getOrDefault("ANTCTL_STANDIN_DIR", "/etc/antctl-standin"));
        return new Environment(effectiveUid() == 0, home, standinDir,
                Path.of(env.getOrDefault("ANTCTL_STANDIN_DIST", "/opt/antnode")),
                ServiceManager.detect(standinDir, env));
    }

    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through to the user name, which is all we can tell.
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
    }

    private Path userBase() {
        return home.resolve(".local/share/autonomi/node");
    }

    Path registryPath() {
        return root ? Path.of("/var/antctl/node_registry.json") : userBase().resolve("node_registry.json");
    }

    Path dataDir(String prefix, int number) {
        Path base = prefix != null ? Path.of(prefix) : root ? Path.of("/var/antctl/services") : userBase();
        return base.resolve("antnode" + number);
    }

    Path logDir(String prefix, int number) {
        if (prefix != null) {
            return Path.of(prefix).resolve("antnode" + number);
        }
        return root ? Path.of("/var/log/antnode/antnode" + number) : userBase().resolve("antnode" + number + "/logs");
    }
}
