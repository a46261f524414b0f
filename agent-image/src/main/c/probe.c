/*
 * antfleet-probe: everything antfleet reads about one container's Autonomi v2 nodes, as ONE JSON document
 * on stdout, so a cycle costs one `docker exec` per container: a remote host's 127.0.0.1 is not ours, and
 * ant-node has no metrics endpoint (ant-v2-contract.md §5.1), so each node is read the way
 * §5.6 describes (Formicaio's native_nodes.rs):
 *   alive     <dir>/node.pid, else a /proc scan for exe == <dir>/ant-node; /proc/<pid> present, not a zombie,
 *             and readlink(/proc/<pid>/exe) == <dir>/ant-node (a replaced binary reads "... (deleted)")
 *   uptime    /proc/<pid>/stat starttime against /proc/uptime; cpu = utime + stime (cumulative seconds)
 *   memory    VmRSS of /proc/<pid>/status
 *   disk      the data dir's allocated blocks (du, not following links, bounded walk)
 *   records   entries of the unnamed main DB of <dir>/chunks.mdb, opened MDB_RDONLY | MDB_NOLOCK as
 *             Formicaio does (the reader never writes lock.mdb, so it needs no write access)
 *   peer id   lower-case hex BLAKE3-256 of node_identity.key's public_key (saorsa-core peer_id_from_public_key).
 *             Computed here: 64 characters per node instead of ~7 KB of decimal key bytes through docker exec
 *             every cycle; the ITs check it against Commons Codec's independent BLAKE3.
 *   version   `<dir>/ant-node --version` -> "ant-node X.Y.Z", last token (ant-core's rule, §2.2), 2 s bound
 * plus the host's /proc figures (loadavg, meminfo, the cpu line of /proc/stat) and statvfs of the nodes dir.
 * A node whose figure cannot be read gets null for it and the reason in "problems"; the probe always exits 0
 * with a complete document unless its own arguments are wrong (exit 2) or the nodes dir is unreadable (exit 1).
 *
 * Usage: antfleet-probe [--nodes-dir DIR] [--disk-path DIR] [--antnodes SERVICE:PORT,... --keep NAME,... [--timeout-ms N]]
 * Node dirs are DIR/node-<N> (ant-core's layout, §4.2), reported as service node<N>; the nodes dir defaults to
 * $XDG_DATA_HOME/ant/nodes, else $HOME/.local/share/ant/nodes. --disk-path is the directory whose volume the disk
 * figures describe (default: the nodes dir). --antnodes names legacy antnode nodes (antctl's) by service and
 * metrics port: their /metrics and /metadata are read at 127.0.0.1 (probe_antnode.c) and only the sample lines of
 * the --keep names travel back, under "antnodes", so a remote legacy container is also read with one exec.
 */
#define _GNU_SOURCE
#include "ant-node/blake3.h"
#include "probe_antnode.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <lmdb.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROBE_FORMAT 1
#define MAX_NODES 2000
#define MAX_WALK 200000 /* files per data dir: a bound, so a hostile tree cannot stall the probe */
#define PUBLIC_LEN 1952
#define KEY_FILE_MAX (64 * 1024)
#define PATH_LEN 4096

struct problems { char text[1024]; size_t len; };

static void problem(struct problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct problems *p, const char *fmt, ...) {
    if (p->len + 8 >= sizeof p->text) return;
    if (p->len) p->text[p->len++] = '\x1f'; /* separator, split when printed */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(p->text + p->len, sizeof p->text - p->len, fmt, ap);
    va_end(ap);
    if (n > 0) p->len += (size_t) n < sizeof p->text - p->len ? (size_t) n : sizeof p->text - p->len - 1;
}

/* JSON string with escapes; control characters as \u00XX. */
static void put_string(const char *s) {
    putchar('"');
    for (const unsigned char *c = (const unsigned char *) s; *c; c++) {
        if (*c == '"' || *c == '\\') printf("\\%c", *c);
        else if (*c < 0x20 || *c == 0x7f) printf("\\u%04x", *c);
        else putchar(*c);
    }
    putchar('"');
}

static int read_file(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t got = 0;
    ssize_t n;
    while (got + 1 < size && (n = read(fd, buf + got, size - 1 - got)) > 0) got += (size_t) n;
    close(fd);
    buf[got] = 0;
    return (int) got;
}

/* ---- processes ------------------------------------------------------------------------------------ */

static int exe_of(long pid, char *out, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/%ld/exe", pid);
    ssize_t n = readlink(link, out, size - 1);
    if (n < 0) return -1;
    out[n] = 0;
    char *deleted = strstr(out, " (deleted)"); /* the binary was replaced by a self-upgrade */
    if (deleted && deleted[10] == 0) *deleted = 0;
    return 0;
}

struct proc_stat { char state; unsigned long long utime, stime, start; };

static int stat_of(long pid, struct proc_stat *ps) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    if (read_file(path, buf, sizeof buf) <= 0) return -1;
    char *p = strrchr(buf, ')'); /* comm may hold spaces and parentheses */
    if (!p) return -1;
    /* fields after comm: 3 state ... 14 utime 15 stime ... 22 starttime */
    unsigned long long f[20] = {0};
    char state;
    if (sscanf(p + 2, "%c %*s %*s %*s %*s %*s %*s %*s %*s %*s %*s %llu %llu %*s %*s %*s %*s %*s %*s %llu",
               &state, &f[0], &f[1], &f[2]) != 4) return -1;
    ps->state = state, ps->utime = f[0], ps->stime = f[1], ps->start = f[2];
    return 0;
}

static long long rss_kb_of(long pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    if (read_file(path, buf, sizeof buf) <= 0) return -1;
    char *p = strstr(buf, "\nVmRSS:");
    return p ? atoll(p + 7) : -1;
}

/* The pid whose exe is `binary`, from a single /proc scan per probe run. */
struct exe_pid { long pid; char exe[PATH_LEN]; };
static struct exe_pid *scanned;
static size_t scanned_n;

static void scan_processes(void) {
    DIR *d = opendir("/proc");
    if (!d) return;
    struct dirent *e;
    size_t cap = 0;
    while ((e = readdir(d))) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || pid <= 0) continue;
        char exe[PATH_LEN];
        if (exe_of(pid, exe, sizeof exe) != 0) continue;
        const char *base = strrchr(exe, '/');
        if (!base || strcmp(base + 1, "ant-node") != 0) continue;
        if (scanned_n == cap) {
            cap = cap ? cap * 2 : 64;
            struct exe_pid *grown = realloc(scanned, cap * sizeof *scanned);
            if (!grown) break;
            scanned = grown;
        }
        scanned[scanned_n].pid = pid;
        snprintf(scanned[scanned_n++].exe, PATH_LEN, "%s", exe);
    }
    closedir(d);
}

static int is_node_process(long pid, const char *binary) {
    char exe[PATH_LEN];
    struct proc_stat ps;
    return exe_of(pid, exe, sizeof exe) == 0 && strcmp(exe, binary) == 0 && stat_of(pid, &ps) == 0 && ps.state != 'Z';
}

static long find_pid(const char *dir, const char *binary) {
    char path[PATH_LEN + 16], buf[32];
    snprintf(path, sizeof path, "%s/node.pid", dir);
    if (read_file(path, buf, sizeof buf) > 0) {
        long pid = strtol(buf, NULL, 10);
        if (pid > 0 && is_node_process(pid, binary)) return pid;
    }
    for (size_t i = 0; i < scanned_n; i++)
        if (strcmp(scanned[i].exe, binary) == 0 && is_node_process(scanned[i].pid, binary)) return scanned[i].pid;
    return 0;
}

/* ---- files ------------------------------------------------------------------------------------------ */

static unsigned long long walked_bytes;
static long walked_files;

static int add_blocks(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void) path, (void) flag, (void) ftw;
    walked_bytes += (unsigned long long) st->st_blocks * 512ULL;
    return ++walked_files >= MAX_WALK ? 1 : 0;
}

static long long disk_bytes(const char *dir, struct problems *pr) {
    walked_bytes = 0, walked_files = 0;
    int rc = nftw(dir, add_blocks, 16, FTW_PHYS | FTW_MOUNT);
    if (rc < 0) { problem(pr, "disk: cannot walk %s: %s", dir, strerror(errno)); return -1; }
    if (rc == 1) { problem(pr, "disk: more than %d files under %s, not counted", MAX_WALK, dir); return -1; }
    return (long long) walked_bytes;
}

static long long records(const char *dir, struct problems *pr) {
    char env_dir[PATH_LEN + 16], data[PATH_LEN + 32];
    snprintf(env_dir, sizeof env_dir, "%s/chunks.mdb", dir);
    snprintf(data, sizeof data, "%s/data.mdb", env_dir);
    if (access(data, F_OK) != 0) { problem(pr, "records: no %s", data); return -1; }
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    MDB_stat st;
    int rc = mdb_env_create(&env);
    if (rc) { problem(pr, "records: %s", mdb_strerror(rc)); return -1; }
    if (!rc) rc = mdb_env_set_maxdbs(env, 1);
    if (!rc) rc = mdb_env_open(env, env_dir, MDB_RDONLY | MDB_NOLOCK, 0444);
    if (!rc) rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
    if (!rc) {
        rc = mdb_dbi_open(txn, NULL, 0, &dbi);
        if (!rc) rc = mdb_stat(txn, dbi, &st);
        mdb_txn_abort(txn);
    }
    mdb_env_close(env);
    if (rc) { problem(pr, "records: %s: %s", env_dir, mdb_strerror(rc)); return -1; }
    return (long long) st.ms_entries;
}

/* Finds "public_key": [ints] and hashes exactly PUBLIC_LEN bytes of it. */
static int peer_id(const char *dir, char hex[65], struct problems *pr) {
    static char json[KEY_FILE_MAX];
    char path[PATH_LEN + 32];
    snprintf(path, sizeof path, "%s/node_identity.key", dir);
    int n = read_file(path, json, sizeof json);
    if (n < 0) { problem(pr, "peerId: cannot read %s: %s", path, strerror(errno)); return -1; }
    if (n >= (int) sizeof json - 1) { problem(pr, "peerId: %s is larger than %d bytes", path, KEY_FILE_MAX); return -1; }
    const char *p = strstr(json, "\"public_key\"");
    if (!p || !(p = strchr(p, '['))) { problem(pr, "peerId: no public_key array in %s", path); return -1; }
    unsigned char key[PUBLIC_LEN];
    size_t i = 0;
    for (p++;;) {
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ',') p++;
        if (*p == ']') break;
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v > 255 || i >= PUBLIC_LEN) { problem(pr, "peerId: public_key in %s is not %d bytes", path, PUBLIC_LEN); return -1; }
        key[i++] = (unsigned char) v;
        p = end;
    }
    if (i != PUBLIC_LEN) { problem(pr, "peerId: public_key in %s has %zu bytes, not %d", path, i, PUBLIC_LEN); return -1; }
    unsigned char h[32];
    blake3_256(key, PUBLIC_LEN, h);
    for (int k = 0; k < 32; k++) sprintf(hex + 2 * k, "%02x", h[k]);
    return 0;
}

/* `<binary> --version` with a 2 s bound; the last whitespace-separated token of its first line. */
static int version_of(const char *binary, char *out, size_t size, struct problems *pr) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) { problem(pr, "version: pipe: %s", strerror(errno)); return -1; }
    pid_t child = fork();
    if (child < 0) { close(fds[0]), close(fds[1]); problem(pr, "version: fork: %s", strerror(errno)); return -1; }
    if (child == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0), dup2(fds[1], 1), dup2(null, 2);
        execl(binary, binary, "--version", (char *) NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[256];
    size_t got = 0;
    struct pollfd pfd = {fds[0], POLLIN, 0};
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = 2000 - ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000);
        if (left <= 0 || poll(&pfd, 1, (int) left) <= 0) break;
        ssize_t n = read(fds[0], buf + got, sizeof buf - 1 - got);
        if (n <= 0 || (got += (size_t) n) >= sizeof buf - 1) break;
    }
    close(fds[0]);
    buf[got] = 0;
    int status = 0;
    for (;;) { /* end of output comes just before the exit: wait for that too, within the same 2 s */
        if (waitpid(child, &status, WNOHANG) == child) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if ((now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000 >= 2000) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            problem(pr, "version: %s --version took over 2 s", binary);
            return -1;
        }
        struct timespec pause = {0, 2 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) { problem(pr, "version: %s --version failed (status %d)", binary, status); return -1; }
    buf[strcspn(buf, "\n")] = 0;
    char *last = NULL, *save, *tok = strtok_r(buf, " \t\r", &save);
    while (tok) last = tok, tok = strtok_r(NULL, " \t\r", &save);
    if (!last) { problem(pr, "version: %s --version printed nothing", binary); return -1; }
    snprintf(out, size, "%s", last);
    return 0;
}

/* ---- output ----------------------------------------------------------------------------------------- */

static void put_number_or_null(const char *name, long long v) {
    if (v < 0) printf(",\"%s\":null", name);
    else printf(",\"%s\":%lld", name, v);
}

static double uptime_now(void) {
    char buf[128];
    return read_file("/proc/uptime", buf, sizeof buf) > 0 ? atof(buf) : -1;
}

static void put_node(const char *nodes_dir, const char *entry, long number, int first) {
    char dir[PATH_LEN], binary[PATH_LEN + 16];
    struct problems pr = {{0}, 0};
    snprintf(dir, sizeof dir, "%s/%s", nodes_dir, entry);
    snprintf(binary, sizeof binary, "%s/ant-node", dir);
    long pid = find_pid(dir, binary);
    long long uptime = -1, cpu_ms = -1, rss = -1;
    if (pid > 0) {
        struct proc_stat ps;
        long tick = sysconf(_SC_CLK_TCK);
        double up = uptime_now();
        if (stat_of(pid, &ps) == 0 && tick > 0) {
            cpu_ms = (long long) ((ps.utime + ps.stime) * 1000ULL / (unsigned long long) tick);
            if (up >= 0) uptime = (long long) (up - (double) ps.start / (double) tick);
            if (uptime < 0) uptime = 0;
        }
        if ((rss = rss_kb_of(pid)) < 0) problem(&pr, "memory: no VmRSS for pid %ld", pid);
    }
    char peer[65] = "", version[64] = "";
    int have_peer = peer_id(dir, peer, &pr) == 0;
    int have_version = access(binary, X_OK) == 0 ? version_of(binary, version, sizeof version, &pr) == 0
                                                  : (problem(&pr, "version: no executable %s", binary), 0);
    printf("%s{\"service\":\"node%ld\",\"dataDir\":", first ? "" : ",", number);
    put_string(dir);
    printf(",\"alive\":%s", pid > 0 ? "true" : "false");
    put_number_or_null("pid", pid > 0 ? pid : -1);
    put_number_or_null("uptimeSeconds", uptime);
    put_number_or_null("cpuMillis", cpu_ms);
    put_number_or_null("rssKb", rss);
    put_number_or_null("diskBytes", disk_bytes(dir, &pr));
    put_number_or_null("records", records(dir, &pr));
    printf(",\"peerId\":");
    if (have_peer) put_string(peer); else printf("null");
    printf(",\"version\":");
    if (have_version) put_string(version); else printf("null");
    printf(",\"problems\":[");
    for (char *p = pr.text, *sep; pr.len && p; p = sep ? sep + 1 : NULL) {
        sep = strchr(p, '\x1f');
        if (sep) *sep = 0;
        if (p != pr.text) putchar(',');
        put_string(p);
    }
    printf("]}");
}

static void put_host(const char *nodes_dir, const char *disk_path) {
    char buf[8192];
    double l1 = -1, l5 = -1, l15 = -1;
    if (read_file("/proc/loadavg", buf, sizeof buf) > 0) sscanf(buf, "%lf %lf %lf", &l1, &l5, &l15);
    long long total = -1, available = -1;
    if (read_file("/proc/meminfo", buf, sizeof buf) > 0) {
        char *p;
        if ((p = strstr(buf, "MemTotal:"))) total = atoll(p + 9);
        if ((p = strstr(buf, "MemAvailable:"))) available = atoll(p + 13);
    }
    unsigned long long v[10] = {0};
    long long busy = -1, idle = -1;
    if (read_file("/proc/stat", buf, sizeof buf) > 0 &&
        sscanf(buf, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) == 8) {
        idle = (long long) (v[3] + v[4]);
        busy = (long long) (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]);
    }
    printf("\"host\":{\"cpus\":%ld,\"clockTicks\":%ld", sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_CLK_TCK));
    if (l1 >= 0) printf(",\"load1\":%.2f,\"load5\":%.2f,\"load15\":%.2f", l1, l5, l15);
    else printf(",\"load1\":null,\"load5\":null,\"load15\":null");
    put_number_or_null("memTotalKb", total);
    put_number_or_null("memAvailableKb", available);
    put_number_or_null("cpuBusyTicks", busy);
    put_number_or_null("cpuIdleTicks", idle);
    struct statvfs vfs;
    printf("},\"disk\":{\"path\":");
    put_string(disk_path ? disk_path : nodes_dir);
    if (statvfs(disk_path ? disk_path : nodes_dir, &vfs) == 0)
        printf(",\"totalBytes\":%llu,\"freeBytes\":%llu}", (unsigned long long) vfs.f_blocks * vfs.f_frsize,
               (unsigned long long) vfs.f_bavail * vfs.f_frsize);
    else printf(",\"totalBytes\":null,\"freeBytes\":null}");
}

static int by_number(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return (x > y) - (x < y);
}

static void put_antnodes(struct antnode_target *t, int n) {
    printf(",\"antnodes\":[");
    for (int i = 0; i < n; i++) {
        printf("%s{\"service\":\"%s\",\"metricsPort\":%d,\"metrics\":", i ? "," : "", t[i].service, t[i].port);
        if (t[i].metrics && t[i].metadata) put_string(t[i].metrics); else printf("null");
        printf(",\"metadata\":");
        if (t[i].metrics && t[i].metadata) put_string(t[i].metadata); else printf("null");
        printf(",\"failure\":");
        if (t[i].metrics && t[i].metadata) printf("null"); else put_string(t[i].failure);
        putchar('}');
    }
    putchar(']');
}

struct options {
    char nodes_dir[PATH_LEN];
    const char *disk_path;
    struct antnode_target *antnodes;
    int antnode_count;
    char **keep;
    int timeout_ms;
};

static int usage(const char *why) {
    fprintf(stderr, "antfleet-probe: %s\nUsage: antfleet-probe [--nodes-dir /absolute/dir] [--disk-path /absolute/dir]"
                    " [--antnodes SERVICE:PORT,... --keep NAME,... [--timeout-ms 1..60000]]\n", why);
    return 2;
}

/* 0 when the options are good, else the exit code (2 after a usage message). */
static int parse_options(int argc, char **argv, struct options *o) {
    char why[256];
    const char *nodes_dir = NULL;
    o->timeout_ms = 2000;
    for (int i = 1; i < argc; i++) {
        const char *name = argv[i], *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!value) return usage("an option without its value, or an unknown argument");
        i++;
        if (strcmp(name, "--nodes-dir") == 0 && value[0] == '/') nodes_dir = value;
        else if (strcmp(name, "--disk-path") == 0 && value[0] == '/') o->disk_path = value;
        else if (strcmp(name, "--timeout-ms") == 0 && atoi(value) >= 1 && atoi(value) <= 60000) o->timeout_ms = atoi(value);
        else if (strcmp(name, "--antnodes") == 0) {
            if ((o->antnode_count = antnode_targets(value, &o->antnodes, why, sizeof why)) < 0) return usage(why);
        } else if (strcmp(name, "--keep") == 0) {
            if (antnode_keep(value, &o->keep, why, sizeof why) < 0) return usage(why);
        } else return usage("unknown option, or a directory that is not an absolute path");
    }
    if (o->antnode_count > 0 && !o->keep) return usage("--antnodes needs --keep");
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (nodes_dir) snprintf(o->nodes_dir, sizeof o->nodes_dir, "%s", nodes_dir);
    else if (xdg && xdg[0] == '/') snprintf(o->nodes_dir, sizeof o->nodes_dir, "%s/ant/nodes", xdg);
    else if (home && home[0] == '/') snprintf(o->nodes_dir, sizeof o->nodes_dir, "%s/.local/share/ant/nodes", home);
    else { fprintf(stderr, "antfleet-probe: neither XDG_DATA_HOME nor HOME is an absolute path\n"); return 2; }
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && (strcmp(argv[1], "--version") == 0)) { printf("antfleet-probe %d\n", PROBE_FORMAT); return 0; }
    struct options o = {0};
    int bad = parse_options(argc, argv, &o);
    if (bad) return bad;
    const char *nodes_dir = o.nodes_dir;

    long numbers[MAX_NODES];
    size_t n = 0;
    DIR *d = opendir(nodes_dir);
    if (!d && errno != ENOENT) { fprintf(stderr, "antfleet-probe: cannot read %s: %s\n", nodes_dir, strerror(errno)); return 1; }
    for (struct dirent *e; d && (e = readdir(d));) {
        char *end;
        if (strncmp(e->d_name, "node-", 5) != 0) continue;
        long number = strtol(e->d_name + 5, &end, 10);
        if (*end || number <= 0 || e->d_name[5] == '0' || n == MAX_NODES) continue;
        numbers[n++] = number;
    }
    if (d) closedir(d);
    qsort(numbers, n, sizeof *numbers, by_number);
    if (n > 0) scan_processes();
    if (o.antnode_count > 0) antnode_read_all(o.antnodes, (size_t) o.antnode_count, o.keep, o.timeout_ms, 16);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    printf("{\"probe\":%d,\"time\":%lld,", PROBE_FORMAT, (long long) now.tv_sec);
    put_host(nodes_dir, o.disk_path);
    printf(",\"nodes\":[");
    for (size_t i = 0; i < n; i++) {
        char entry[32];
        snprintf(entry, sizeof entry, "node-%ld", numbers[i]);
        fflush(stdout); /* the version child must not inherit unflushed output */
        put_node(nodes_dir, entry, numbers[i], i == 0);
    }
    putchar(']');
    if (o.antnode_count > 0) put_antnodes(o.antnodes, o.antnode_count);
    printf("}\n");
    return fflush(stdout) == 0 ? 0 : 1;
}
