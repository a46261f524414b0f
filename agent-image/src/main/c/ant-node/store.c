/* The chunk store: a real LMDB environment at <root>/chunks.mdb/ (data.mdb + lock.mdb), opened as
 * AN: src/storage/lmdb.rs:153-200 does (heed 0.22 over LMDB 0.9): max_dbs 1, the unnamed main DB,
 * map size = data.mdb's size + available disk - 500 MiB reserve, page aligned, at least 256 MiB
 * (compute_map_size, lmdb.rs:700-719). Keys are 32-byte XorNames = BLAKE3(content), values the content
 * (lmdb.rs:239, compute_address). So a reader counts records as it would on a real node (§5.6).
 * Also paid_list.mdb/ (AN: src/replication/paid_list.rs:63-100, fixed 256 MiB map), left empty. */
#include "ant_node.h"
#include "blake3.h"
#include <fcntl.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define MIB (1024ULL * 1024ULL)
#define MIN_MAP_SIZE (256 * MIB)
#define DISK_RESERVE (500 * MIB)

static MDB_env *chunks = NULL, *paid = NULL;
static MDB_dbi chunks_dbi;

static size_t compute_map_size(const char *env_dir) {
    struct statvfs vfs;
    unsigned long long available = 0, current = 0;
    if (statvfs(env_dir, &vfs) == 0) available = (unsigned long long) vfs.f_bavail * vfs.f_frsize;
    char data[4200];
    struct stat st;
    snprintf(data, sizeof data, "%s/data.mdb", env_dir);
    if (stat(data, &st) == 0) current = (unsigned long long) st.st_size;
    unsigned long long growth = available > DISK_RESERVE ? available - DISK_RESERVE : 0;
    unsigned long long page = (unsigned long long) sysconf(_SC_PAGESIZE);
    unsigned long long target = (current + growth + page - 1) / page * page;
    return (size_t) (target > MIN_MAP_SIZE ? target : MIN_MAP_SIZE);
}

/* Opens an environment and its unnamed main DB in one committed write txn, as heed's create_database(None). */
static MDB_env *open_env(const char *root, const char *name, size_t map_size, MDB_dbi *dbi, const char *what) {
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    if (mkdirs(dir, 0755) != 0) fail("node startup failed: Failed to create %s: storage error: Failed to create LMDB directory: %s", what, dir);
    if (map_size == 0) map_size = compute_map_size(dir);
    MDB_env *env;
    MDB_txn *txn;
    int rc = mdb_env_create(&env);
    if (!rc) rc = mdb_env_set_mapsize(env, map_size);
    if (!rc) rc = mdb_env_set_maxdbs(env, 1);
    if (!rc) rc = mdb_env_open(env, dir, 0, 0644);
    if (rc) fail("node startup failed: Failed to create %s: storage error: Failed to open LMDB env: %s", what, mdb_strerror(rc));
    if ((rc = mdb_txn_begin(env, NULL, 0, &txn)) || (rc = mdb_dbi_open(txn, NULL, 0, dbi)) || (rc = mdb_txn_commit(txn)))
        fail("node startup failed: Failed to create %s: storage error: Failed to create database: %s", what, mdb_strerror(rc));
    return env;
}

void store_open(const char *root) {
    chunks = open_env(root, "chunks.mdb", 0, &chunks_dbi, "LMDB storage");
}

/* paid_list.mdb comes later in start-up (the replication engine); its failure is only a warning upstream. */
void store_open_paid_list(const char *root) {
    MDB_dbi dbi;
    paid = open_env(root, "paid_list.mdb", 256 * MIB, &dbi, "paid list");
}

/* Stores one chunk of random content under its content address, as a client PUT would (lmdb.rs:239-300).
 * Returns 0 on success. */
int store_put_random(size_t size) {
    static unsigned char content[4 * 1024 * 1024];
    if (size > sizeof content) size = sizeof content;
    int r = open("/dev/urandom", O_RDONLY);
    if (r < 0 || read(r, content, size) != (ssize_t) size) { if (r >= 0) close(r); return -1; }
    close(r);
    unsigned char address[32];
    blake3_256(content, size, address);
    MDB_txn *txn;
    MDB_val k = {32, address}, v = {size, content};
    int rc = mdb_txn_begin(chunks, NULL, 0, &txn);
    if (!rc) rc = mdb_put(txn, chunks_dbi, &k, &v, MDB_NOOVERWRITE);
    if (!rc) rc = mdb_txn_commit(txn);
    else mdb_txn_abort(txn);
    if (rc) {
        log_event(L_WARN, "ant_node::storage::lmdb", NULL, "Failed to store chunk: %s", mdb_strerror(rc));
        return -1;
    }
    char hex[65];
    for (int i = 0; i < 32; i++) sprintf(hex + 2 * i, "%02x", address[i]);
    log_event(L_DEBUG, "ant_node::storage::lmdb", NULL, "Stored chunk %s (%zu bytes)", hex, size);
    return 0;
}

void store_close(void) {
    if (chunks) mdb_env_close(chunks);
    if (paid) mdb_env_close(paid);
    chunks = paid = NULL;
}
