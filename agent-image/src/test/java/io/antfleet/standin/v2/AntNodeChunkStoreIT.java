package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §4.3 and §5.6: {@code chunks.mdb/} is an LMDB environment ({@code data.mdb},
 * {@code lock.mdb}) whose unnamed main DB holds one entry per chunk, readable with the contract's lock-free
 * meta-page reader while the node runs; the map is at least 256 MiB (AN: src/storage/lmdb.rs:41, 700-719);
 * {@code paid_list.mdb/} exists too. Records are stored through the stand-in's {@code standin-chunks} hook.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeChunkStoreIT extends V2ContractTestBase {

    private static long records(V2Container c, String dir) {
        return new LmdbMeta(c.readFile(dir + "/chunks.mdb/data.mdb")).entries();
    }

    private V2Container.Spawned start(V2Container c, String dir) {
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--enable-logging", "--log-level", "debug");
        awaitStdout(node, "Node running");
        return node;
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aNewNodeHasAnEmptyLmdbStoreOfAtLeast256MiB(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("empty");
        V2Container.Spawned node = start(c, dir);

        LmdbMeta meta = new LmdbMeta(c.readFile(dir + "/chunks.mdb/data.mdb"));
        assertThat(meta.entries()).isZero();
        assertThat(meta.pageSize()).isEqualTo(4096);
        assertThat(meta.mapSize()).isGreaterThanOrEqualTo(256L * 1024 * 1024);
        assertThat(c.exists(dir + "/chunks.mdb/lock.mdb")).isTrue();
        assertThat(c.exists(dir + "/paid_list.mdb/data.mdb")).isTrue();
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void storedChunksAreCountedByTheMetaPageReaderWhileTheNodeRunsAndAfterARestart(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("chunks");
        V2Container.Spawned node = start(c, dir);

        c.writeFile(dir + "/standin-chunks", "5 4096\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> records(c, dir) == 5);
        assertThat(node.out().split("Stored chunk ", -1)).hasSize(6);
        assertThat(node.out()).containsPattern("Stored chunk [0-9a-f]{64} \\(4096 bytes\\)");
        assertThat(terminate(c, dir, node).exit()).isZero();

        V2Container.Spawned again = start(c, dir);
        assertThat(records(c, dir)).isEqualTo(5);
        c.writeFile(dir + "/standin-chunks", "2\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> records(c, dir) == 7);
        assertThat(terminate(c, dir, again).exit()).isZero();
    }
}
