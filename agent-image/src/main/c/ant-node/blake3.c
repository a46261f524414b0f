/* A small one-shot BLAKE3 (https://github.com/BLAKE3-team/BLAKE3-specs): chunks of 1024 bytes hashed as
 * 64-byte blocks, then a binary tree of parent nodes whose left subtree is the largest power-of-two
 * number of chunks. Only the 32-byte default output is needed. */
#include "blake3.h"
#include <string.h>

enum { CHUNK_START = 1, CHUNK_END = 2, PARENT = 4, ROOT = 8, CHUNK_LEN = 1024, BLOCK_LEN = 64 };

static const uint32_t IV[8] = {0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
                               0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19};
static const uint8_t PERM[16] = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void g(uint32_t *s, int a, int b, int c, int d, uint32_t mx, uint32_t my) {
    s[a] = s[a] + s[b] + mx; s[d] = rotr(s[d] ^ s[a], 16);
    s[c] = s[c] + s[d];      s[b] = rotr(s[b] ^ s[c], 12);
    s[a] = s[a] + s[b] + my; s[d] = rotr(s[d] ^ s[a], 8);
    s[c] = s[c] + s[d];      s[b] = rotr(s[b] ^ s[c], 7);
}

/* The compression function; writes the new chaining value (first 8 output words) to cv. */
static void compress(uint32_t cv[8], const uint8_t block[BLOCK_LEN], uint64_t counter, uint32_t block_len,
                     uint32_t flags) {
    uint32_t m[16], t[16], s[16];
    for (int i = 0; i < 16; i++) {
        m[i] = (uint32_t) block[4 * i] | (uint32_t) block[4 * i + 1] << 8 | (uint32_t) block[4 * i + 2] << 16
             | (uint32_t) block[4 * i + 3] << 24;
    }
    memcpy(s, cv, 32);
    memcpy(s + 8, IV, 16);
    s[12] = (uint32_t) counter; s[13] = (uint32_t) (counter >> 32); s[14] = block_len; s[15] = flags;
    for (int r = 0; r < 7; r++) {
        g(s, 0, 4, 8, 12, m[0], m[1]);  g(s, 1, 5, 9, 13, m[2], m[3]);
        g(s, 2, 6, 10, 14, m[4], m[5]); g(s, 3, 7, 11, 15, m[6], m[7]);
        g(s, 0, 5, 10, 15, m[8], m[9]); g(s, 1, 6, 11, 12, m[10], m[11]);
        g(s, 2, 7, 8, 13, m[12], m[13]); g(s, 3, 4, 9, 14, m[14], m[15]);
        for (int i = 0; i < 16; i++) t[i] = m[PERM[i]];
        memcpy(m, t, sizeof m);
    }
    for (int i = 0; i < 8; i++) cv[i] = s[i] ^ s[i + 8];
}

static void chunk_cv(const uint8_t *in, size_t len, uint64_t counter, uint32_t root, uint32_t cv[8]) {
    size_t blocks = len == 0 ? 1 : (len + BLOCK_LEN - 1) / BLOCK_LEN;
    memcpy(cv, IV, 32);
    for (size_t b = 0; b < blocks; b++) {
        uint8_t block[BLOCK_LEN] = {0};
        size_t n = len - b * BLOCK_LEN < BLOCK_LEN ? len - b * BLOCK_LEN : BLOCK_LEN;
        memcpy(block, in + b * BLOCK_LEN, n);
        uint32_t flags = (b == 0 ? CHUNK_START : 0) | (b == blocks - 1 ? CHUNK_END | root : 0);
        compress(cv, block, counter, (uint32_t) n, flags);
    }
}

static void subtree_cv(const uint8_t *in, size_t len, uint64_t counter, uint32_t root, uint32_t cv[8]) {
    if (len <= CHUNK_LEN) {
        chunk_cv(in, len, counter, root, cv);
        return;
    }
    size_t chunks = (len + CHUNK_LEN - 1) / CHUNK_LEN, left_chunks = 1;
    while (left_chunks * 2 < chunks) left_chunks *= 2;
    size_t left_len = left_chunks * CHUNK_LEN;
    uint32_t l[8], r[8];
    subtree_cv(in, left_len, counter, 0, l);
    subtree_cv(in + left_len, len - left_len, counter + left_chunks, 0, r);
    uint8_t block[BLOCK_LEN];
    for (int i = 0; i < 8; i++) {
        for (int k = 0; k < 4; k++) {
            block[4 * i + k] = (uint8_t) (l[i] >> (8 * k));
            block[32 + 4 * i + k] = (uint8_t) (r[i] >> (8 * k));
        }
    }
    memcpy(cv, IV, 32);
    compress(cv, block, 0, BLOCK_LEN, PARENT | root);
}

void blake3_256(const uint8_t *in, size_t len, uint8_t out[32]) {
    uint32_t cv[8];
    subtree_cv(in, len, 0, ROOT, cv);
    for (int i = 0; i < 8; i++) {
        for (int k = 0; k < 4; k++) out[4 * i + k] = (uint8_t) (cv[i] >> (8 * k));
    }
}
