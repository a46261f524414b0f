package io.antfleet.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The /metrics answer of a real antnode 0.4.x (docs/contracts/antnode-metrics-capture.txt: captured in Weave
 * Node Manager's repository, metrics.out at iweave/weave-node-manager@b62e0ee), found from the working directory
 * up to the repository's root. Test code only.
 */
final class AntnodeCapture {
    static final String PATH = "docs/contracts/antnode-metrics-capture.txt";

    private AntnodeCapture() {
    }

    static byte[] bytes() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(PATH);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(PATH + " not found above " + Path.of("").toAbsolutePath());
    }
}
