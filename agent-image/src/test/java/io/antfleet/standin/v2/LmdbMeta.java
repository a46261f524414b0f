package io.antfleet.standin.v2;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The lock-free record count of ant-v2-contract.md §5.6, read from an LMDB {@code data.mdb}: two meta pages
 * (page size = u32 at offset 40), the one with the larger txn id (u64 at 144) is current, and its main DB's
 * entry count is the u64 at offset 120. These ITs check that reader against the stand-in's real liblmdb files.
 */
final class LmdbMeta {
    private static final int MAGIC = 0xBEEFC0DE;

    private final ByteBuffer data;

    LmdbMeta(byte[] dataMdb) {
        data = ByteBuffer.wrap(dataMdb).order(ByteOrder.LITTLE_ENDIAN);
        if (data.getInt(16) != MAGIC) {
            throw new IllegalArgumentException("not an LMDB data file (no meta magic at offset 16)");
        }
    }

    int pageSize() {
        return data.getInt(40);
    }

    /** The map size the environment was last opened with (u64 at offset 32, §5.6). */
    long mapSize() {
        return data.getLong(currentMeta() + 32);
    }

    long entries() {
        return data.getLong(currentMeta() + 120);
    }

    private int currentMeta() {
        int second = pageSize();
        return data.getLong(second + 144) > data.getLong(144) ? second : 0;
    }
}
