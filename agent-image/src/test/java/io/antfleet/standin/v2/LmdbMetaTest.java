package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The meta-page arithmetic of ant-v2-contract.md §5.6 on hand-made pages (the ITs read real liblmdb files). */
class LmdbMetaTest {

    private static byte[] file(int pageSize, long txn0, long entries0, long txn1, long entries1) {
        ByteBuffer b = ByteBuffer.allocate(2 * pageSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int page = 0; page < 2; page++) {
            int base = page * pageSize;
            b.putInt(base + 16, 0xBEEFC0DE);
            b.putLong(base + 32, 1L << 30);
            b.putInt(base + 40, pageSize);
            b.putLong(base + 120, page == 0 ? entries0 : entries1);
            b.putLong(base + 144, page == 0 ? txn0 : txn1);
        }
        return b.array();
    }

    @Test
    void theMetaPageWithTheLargerTxnIdCounts() {
        assertThat(new LmdbMeta(file(4096, 7, 70, 8, 80)).entries()).isEqualTo(80);
        assertThat(new LmdbMeta(file(4096, 9, 90, 8, 80)).entries()).isEqualTo(90);
    }

    @Test
    void theSecondMetaPageStartsAtThePageSize() {
        LmdbMeta meta = new LmdbMeta(file(8192, 1, 10, 2, 20));

        assertThat(meta.pageSize()).isEqualTo(8192);
        assertThat(meta.entries()).isEqualTo(20);
        assertThat(meta.mapSize()).isEqualTo(1L << 30);
    }

    @Test
    void aFileWithoutTheMagicIsRefused() {
        assertThatThrownBy(() -> new LmdbMeta(new byte[8192])).isInstanceOf(IllegalArgumentException.class);
    }
}
