package io.antfleet.standin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service manager the real antctl would install nodes with. The stand-in never installs a service (it
 * starts nodes as processes), but it refuses what the real service manager refuses, so a test against the
 * stand-in fails where the real tool would.
 *
 * <p>Real detection (the service-manager crate's {@code native()}, called from ant-service-management
 * {@code src/control.rs:475}): systemd when {@code systemctl} is on PATH, else OpenRC when {@code rc-service}
 * is, else nothing. The stand-in image has neither, so it says which one it stands for: {@code service_manager=}
 * in the stand-in's config file (tests), else {@code $ANTCTL_STANDIN_SERVICE_MANAGER} (the stand-in image sets
 * {@code openrc}, like the production image), else the real PATH lookup (the production image built with the
 * stand-in's binaries has {@code rc-service}).
 */
enum ServiceManager {
    SYSTEMD, OPENRC, NONE;

    /**
     * Why adding a node with this manager fails, if it does. User mode is refused by OpenRC
     * ({@code OpenRC does not support user-level services}, from {@code set_level(ServiceLevel::User)} at
     * ant-service-management {@code src/control.rs:479}); no manager at all fails every node.
     */
    Optional<String> refusal(boolean userMode) {
        if (this == NONE) {
            return Optional.of("Only systemd and openrc are supported on Linux");
        }
        if (this == OPENRC && userMode) {
            return Optional.of("OpenRC does not support user-level services");
        }
        return Optional.empty();
    }

    static ServiceManager detect(Path standinDir, java.util.Map<String, String> env) {
        Optional<String> configured = configured(standinDir.resolve("config"))
                .or(() -> Optional.ofNullable(env.get("ANTCTL_STANDIN_SERVICE_MANAGER")).filter(v -> !v.isEmpty()));
        if (configured.isPresent()) {
            if (!configured.get().matches("systemd|openrc|none")) {
                throw new Failure("The stand-in's service manager is '" + configured.get()
                        + "' (expected systemd, openrc or none)");
            }
            return valueOf(configured.get().toUpperCase(java.util.Locale.ROOT));
        }
        String path = env.get("PATH");
        if (onPath(path, "systemctl")) {
            return SYSTEMD;
        }
        return onPath(path, "rc-service") ? OPENRC : NONE;
    }

    private static Optional<String> configured(Path config) {
        try {
            if (!Files.exists(config)) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.startsWith("service_manager=")) {
                    return Optional.of(t.substring("service_manager=".length()).split("\\s")[0]);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean onPath(String path, String program) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
