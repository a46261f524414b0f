/*
 * antnode stand-in: one small static process per node, so a test container can run hundreds of nodes
 * in well under 2 MB each. It mimics what the orchestrator and antctl observe of the real antnode
 * (antctl-contract.md section 6): a UDP node port, an HTTP metrics server on 127.0.0.1 only, the
 * same server on the rpc port (the stand-in antctl reads connected peers there, as the real one reads
 * them over RPC), antnode.pid and secret-key in its root dir, critical_failure.log on a crash.
 *
 * /metrics is a real antnode's answer, as large as one (about 48 KB): the template in antnode_metrics.h,
 * made from docs/contracts/antnode-metrics-capture.txt, with the series antfleet reads filled in live.
 *
 * Faults, polled once a second: a file `crash` in the root dir makes the node die (exit 1, after
 * writing critical_failure.log); a file `stall-metrics` makes its HTTP servers accept connections
 * and never answer. The peer delay comes from $ANTCTL_STANDIN_DIR/config (`peer_wait_ms=300`).
 *
 * Built once per version: gcc -static -O2 -DANTNODE_VERSION='"0.4.17"'.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "antnode_metrics.h"

#ifndef ANTNODE_VERSION
#define ANTNODE_VERSION "0.4.17"
#endif

#define MAX_STALLED 64
/* /metadata and /metrics_extended: a few hundred bytes; /metrics is the template in antnode_metrics.h. */
#define BODY_MAX 4096

static volatile sig_atomic_t stop_requested = 0;
static char root_dir[1024] = ".";
static char log_dir[1024] = "";
static char peer_id[64];
static long long start_ms;
static long peer_wait_ms = 300;
static char body[BODY_MAX];
static size_t body_len;

static long long now_ms(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (long long) tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void on_signal(int sig) { (void) sig; stop_requested = 1; }

static void put(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(body + body_len, BODY_MAX - body_len, fmt, ap);
    va_end(ap);
    if (n > 0 && body_len + (size_t) n < BODY_MAX) body_len += (size_t) n;
}

static void path_in(char *out, size_t size, const char *dir, const char *name) {
    snprintf(out, size, "%s/%s", dir, name);
}

static int file_exists(const char *dir, const char *name) {
    char p[1200];
    path_in(p, sizeof p, dir, name);
    return access(p, F_OK) == 0;
}

static void critical_failure(const char *reason) {
    char p[1200];
    path_in(p, sizeof p, log_dir[0] ? log_dir : root_dir, "critical_failure.log");
    FILE *f = fopen(p, "a");
    if (f) {
        char ts[64];
        time_t t = time(NULL);
        strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S+00:00", gmtime(&t));
        fprintf(f, "[%s] Node terminated due to: %s\n", ts, reason);
        fclose(f);
    }
    fprintf(stderr, "antnode: %s\n", reason);
    exit(1);
}

static void mkdirs(const char *dir) {
    char p[1024];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') { *s = 0; mkdir(p, 0755); *s = '/'; }
    }
    mkdir(p, 0755);
}

static void read_config(void) {
    const char *dir = getenv("ANTCTL_STANDIN_DIR");
    char p[1200];
    path_in(p, sizeof p, dir && *dir ? dir : "/etc/antctl-standin", "config");
    FILE *f = fopen(p, "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "peer_wait_ms=", 13) == 0) peer_wait_ms = atol(line + 13);
    }
    fclose(f);
}

/* The peer id stays the same across restarts because it derives from secret-key, as in the real node. */
static void load_identity(void) {
    static const char b58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    unsigned char key[32];
    char p[1200];
    path_in(p, sizeof p, root_dir, "secret-key");
    int fd = open(p, O_RDONLY);
    if (fd < 0 || read(fd, key, sizeof key) != (ssize_t) sizeof key) {
        if (fd >= 0) close(fd);
        int r = open("/dev/urandom", O_RDONLY);
        if (r < 0 || read(r, key, sizeof key) != (ssize_t) sizeof key) critical_failure("no randomness");
        close(r);
        fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || write(fd, key, sizeof key) != (ssize_t) sizeof key) critical_failure("cannot write secret-key");
    }
    close(fd);
    strcpy(peer_id, "12D3KooW");
    for (int i = 0; i < 44; i++) peer_id[8 + i] = b58[(key[i % 32] + i * 7) % 58];
    peer_id[52] = 0;
}

static void write_pid(void) {
    char p[1200];
    path_in(p, sizeof p, root_dir, "antnode.pid");
    FILE *f = fopen(p, "w");
    if (!f) critical_failure("cannot write antnode.pid");
    fprintf(f, "%d", (int) getpid());
    fclose(f);
}

static int bind_socket(int type, const char *host, int port) {
    int fd = socket(AF_INET, type, 0);
    if (fd < 0) return -1;
    int one = 1;
    if (type == SOCK_STREAM) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short) port);
    inet_pton(AF_INET, host, &a.sin_addr);
    if (bind(fd, (struct sockaddr *) &a, sizeof a) < 0 || (type == SOCK_STREAM && listen(fd, 64) < 0)) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

static int connected_peers(long long up_ms) {
    if (up_ms < peer_wait_ms) return 0;
    return 6 + (int) ((up_ms / 7000) % 5);
}

/* The live values of the metrics template, one slot per ${name} in antnode_metrics.h. */
enum slot {
    S_PUTS_0, S_PUTS_1, S_PUTS_2, S_PUTS_3, S_BALANCE, S_UPTIME, S_BANDWIDTH_0, S_BANDWIDTH_1, S_BANDWIDTH_2,
    S_BANDWIDTH_3, S_RECORDS, S_PEERS, S_NETWORK_SIZE, S_OPEN_CONNECTIONS, S_ROUTING_PEERS, S_SHUNNED, S_BAD_PEERS,
    S_MEMORY_MB, S_CPU_PERCENT, S_RELEVANT_RECORDS, S_MAX_RECORDS, S_PAYMENTS, S_LIVE_TIME, SLOTS
};
static const char *const slot_names[SLOTS] = {
    "puts_0", "puts_1", "puts_2", "puts_3", "balance", "uptime", "bandwidth_0", "bandwidth_1", "bandwidth_2",
    "bandwidth_3", "records", "peers", "network_size", "open_connections", "routing_peers", "shunned", "bad_peers",
    "memory_mb", "cpu_percent", "relevant_records", "max_records", "payments", "live_time"
};
#define MAX_SEGMENTS 64
/* The template cut at its ${name} marks: text, then the slot that follows it (-1 after the last text). */
static struct segment { const char *text; size_t len; int slot; } segments[MAX_SEGMENTS];
static int nsegments;
static char values[SLOTS][32];
static size_t value_len[SLOTS];

static void split_template(void) {
    const char *p = metrics_template;
    for (;;) {
        if (nsegments == MAX_SEGMENTS) critical_failure("metrics template has too many live values");
        struct segment *seg = &segments[nsegments++];
        const char *mark = strstr(p, "${");
        if (!mark) { seg->text = p; seg->len = strlen(p); seg->slot = -1; return; }
        const char *close = strchr(mark, '}');
        if (!close) critical_failure("metrics template: unterminated ${");
        seg->text = p;
        seg->len = (size_t) (mark - p);
        seg->slot = -1;
        for (int i = 0; i < SLOTS; i++) {
            if (strlen(slot_names[i]) == (size_t) (close - mark - 2) && strncmp(slot_names[i], mark + 2, (size_t) (close - mark - 2)) == 0) seg->slot = i;
        }
        if (seg->slot < 0) critical_failure("metrics template: unknown live value");
        p = close + 1;
    }
}

static void set_value(int slot, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(values[slot], sizeof values[slot], fmt, ap);
    va_end(ap);
    value_len[slot] = n > 0 && (size_t) n < sizeof values[slot] ? (size_t) n : 0;
}

/* The process's resident memory in MB, as the real node reports its own (sysinfo, current RSS). */
static double resident_mb(void) {
    char buf[128];
    int fd = open("/proc/self/statm", O_RDONLY);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    long size = 0, resident = 0;
    if (sscanf(buf, "%ld %ld", &size, &resident) != 2) return 0;
    return (double) resident * (double) sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Values that move as a real node's do: uptime and live time in seconds, counters growing with it, peers
 * after the configured wait, the reward balance in exponent form every other second (the contract says it
 * may be), and the process's own memory and CPU. */
static void live_values(void) {
    long long up_ms = now_ms() - start_ms;
    long up = (long) (up_ms / 1000);
    int peers = connected_peers(up_ms);
    for (int i = 0; i < 4; i++) set_value(S_PUTS_0 + i, "%ld", up / (i + 1));
    long balance = up * 150;
    if (up % 2) set_value(S_BALANCE, "%.4e", (double) balance);
    else set_value(S_BALANCE, "%ld", balance);
    set_value(S_UPTIME, "%ld", up);
    for (int i = 0; i < 4; i++) set_value(S_BANDWIDTH_0 + i, "%ld", up * 1024 * (i + 1) + 762);
    set_value(S_RECORDS, "%ld", up * 3);
    set_value(S_PEERS, "%d", peers);
    set_value(S_NETWORK_SIZE, "%ld", 250000 + up % 1000);
    set_value(S_OPEN_CONNECTIONS, "%d", peers + 2);
    set_value(S_ROUTING_PEERS, "%d", peers * 20);
    set_value(S_SHUNNED, "%ld", up / 60);
    set_value(S_BAD_PEERS, "%ld", up / 90);
    set_value(S_MEMORY_MB, "%.4f", resident_mb());
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu_ms = (double) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0
                    + (double) (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    set_value(S_CPU_PERCENT, "%.4f", up_ms > 0 ? 100.0 * cpu_ms / (double) up_ms : 0.0);
    set_value(S_RELEVANT_RECORDS, "%ld", up * 2);
    set_value(S_MAX_RECORDS, "%d", 16384);
    set_value(S_PAYMENTS, "%ld", up / 10);
    set_value(S_LIVE_TIME, "%ld", up);
}

static void extended_body(void) {
    long up = (long) ((now_ms() - start_ms) / 1000);
    put("# TYPE ant_networking_relevant_records gauge\nant_networking_relevant_records %ld\n", up * 2);
    put("# TYPE ant_networking_node_versions gauge\nant_networking_node_versions{version=\"%s\"} 1\n", ANTNODE_VERSION);
    put("# TYPE ant_networking_replication_triggered counter\nant_networking_replication_triggered_total %ld\n", up / 5);
}

static void metadata_body(void) {
    put("# TYPE ant_networking_peer_id info\nant_networking_peer_id_info{peer_id=\"%s\"} 1\n", peer_id);
    put("# TYPE ant_node_antnode_version info\nant_node_antnode_version_info{antnode_version=\"%s\"} 1\n", ANTNODE_VERSION);
    put("# TYPE ant_networking_identify_protocol_str info\nant_networking_identify_protocol_str_info{identify_protocol_str=\"ant/1.0/1\"} 1\n");
}

static void send_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n <= 0) return;
        buf += n;
        len -= (size_t) n;
    }
}

/* writev until everything is sent (a write may stop short), or the send times out. */
static void send_iov(int fd, struct iovec *iov, int count) {
    while (count > 0) {
        ssize_t n = writev(fd, iov, count);
        if (n <= 0) return;
        while (count > 0 && (size_t) n >= iov->iov_len) { n -= (ssize_t) iov->iov_len; iov++; count--; }
        if (count > 0) { iov->iov_base = (char *) iov->iov_base + n; iov->iov_len -= (size_t) n; }
    }
}

static int head(char *out, size_t size, size_t length) {
    return snprintf(out, size, "HTTP/1.1 200 OK\r\nContent-Type: application/openmetrics-text;charset=utf-8;version=1.0.0\r\n"
                               "Content-Length: %zu\r\nConnection: close\r\n\r\n", length);
}

/* /metrics: the template's texts and this moment's values, gathered by the kernel; nothing copied here. */
static void serve_metrics(int fd) {
    static struct iovec iov[1 + 2 * MAX_SEGMENTS];
    live_values();
    size_t length = 0;
    int n = 1;
    for (int i = 0; i < nsegments; i++) {
        iov[n].iov_base = (void *) segments[i].text;
        iov[n++].iov_len = segments[i].len;
        length += segments[i].len;
        if (segments[i].slot >= 0) {
            iov[n].iov_base = values[segments[i].slot];
            iov[n++].iov_len = value_len[segments[i].slot];
            length += value_len[segments[i].slot];
        }
    }
    char h[256];
    iov[0].iov_base = h;
    iov[0].iov_len = (size_t) head(h, sizeof h, length);
    send_iov(fd, iov, n);
}

static void serve(int fd) {
    char req[2048];
    size_t got = 0;
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    while (got < sizeof req - 1) {
        ssize_t n = read(fd, req + got, sizeof req - 1 - got);
        if (n <= 0) break;
        got += (size_t) n;
        req[got] = 0;
        if (strstr(req, "\r\n\r\n") || strstr(req, "\n\n")) break;
    }
    req[got] = 0;
    char path[256] = "";
    sscanf(req, "GET %255s", path);
    char *q = strchr(path, '?');
    if (q) *q = 0;
    body_len = 0;
    if (strcmp(path, "/metrics") == 0) { serve_metrics(fd); return; }
    if (strcmp(path, "/metrics_extended") == 0) extended_body();
    else if (strcmp(path, "/metadata") == 0) metadata_body();
    else {
        static const char nf[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        send_all(fd, nf, sizeof nf - 1);
        return;
    }
    put("# EOF\n");
    char h[256];
    send_all(fd, h, (size_t) head(h, sizeof h, body_len));
    send_all(fd, body, body_len);
}

static const char *arg_value(int argc, char **argv, const char *name) {
    size_t len = strlen(name);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], name) == 0 && i + 1 < argc) return argv[i + 1];
        if (strncmp(argv[i], name, len) == 0 && argv[i][len] == '=') return argv[i] + len + 1;
    }
    return NULL;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--version") == 0) {
            printf("Autonomi Node v%s\nNetwork version: ant/1.0/1\nPackage version: 2026.2.3.2 (stand-in)\n", ANTNODE_VERSION);
            return 0;
        }
    }
    setsid();
    start_ms = now_ms();
    const char *v;
    if ((v = arg_value(argc, argv, "--root-dir"))) snprintf(root_dir, sizeof root_dir, "%s", v);
    if ((v = arg_value(argc, argv, "--log-output-dest"))) snprintf(log_dir, sizeof log_dir, "%s", v);
    int node_port = (v = arg_value(argc, argv, "--port")) ? atoi(v) : 0;
    int metrics_port = (v = arg_value(argc, argv, "--metrics-server-port")) ? atoi(v) : -1;
    int rpc_port = -1;
    if ((v = arg_value(argc, argv, "--rpc"))) {
        const char *colon = strrchr(v, ':');
        rpc_port = atoi(colon ? colon + 1 : v);
    }
    mkdirs(root_dir);
    if (log_dir[0]) mkdirs(log_dir);
    read_config();
    load_identity();
    split_template();

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    char why[128];
    int udp = bind_socket(SOCK_DGRAM, "0.0.0.0", node_port);
    if (udp < 0) { snprintf(why, sizeof why, "cannot bind node port %d: %s", node_port, strerror(errno)); critical_failure(why); }
    int listeners[2] = {-1, -1};
    int nl = 0;
    if (metrics_port >= 0) {
        listeners[nl] = bind_socket(SOCK_STREAM, "127.0.0.1", metrics_port);
        if (listeners[nl++] < 0) { snprintf(why, sizeof why, "cannot bind metrics port %d: %s", metrics_port, strerror(errno)); critical_failure(why); }
    }
    if (rpc_port >= 0) {
        listeners[nl] = bind_socket(SOCK_STREAM, "127.0.0.1", rpc_port);
        if (listeners[nl++] < 0) { snprintf(why, sizeof why, "cannot bind rpc port %d: %s", rpc_port, strerror(errno)); critical_failure(why); }
    }
    write_pid();
    printf("Running antnode v%s\nPeerId is %s\n", ANTNODE_VERSION, peer_id);
    fflush(stdout);

    int stalled[MAX_STALLED];
    int nstalled = 0;
    long long last_check = 0;
    int stall = 0;
    while (!stop_requested) {
        /* listeners, the UDP port, then the stalled connections: watched only to see their clients give up */
        struct pollfd pfd[3 + MAX_STALLED];
        int n = 0;
        for (int i = 0; i < nl; i++) { pfd[n].fd = listeners[i]; pfd[n].events = POLLIN; n++; }
        pfd[n].fd = udp; pfd[n].events = POLLIN; n++;
        int first_stalled = n;
        for (int i = 0; i < nstalled; i++) { pfd[n].fd = stalled[i]; pfd[n].events = POLLIN; n++; }
        int ready = poll(pfd, (nfds_t) n, 1000);
        long long t = now_ms();
        if (t - last_check >= 1000 || ready > 0) {
            last_check = t;
            if (file_exists(root_dir, "crash")) critical_failure("crash requested by the stand-in fault file");
            stall = file_exists(root_dir, "stall-metrics");
            if (!stall) { while (nstalled > 0) close(stalled[--nstalled]); }
        }
        if (ready <= 0) continue;
        /* A stalled connection never gets an answer; it is closed once its client closed it (read 0), so the
         * node can hold hanging connections for sweep after sweep without running out. */
        for (int i = n - 1; i >= first_stalled && nstalled > 0; i--) {
            if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char discard[512];
            ssize_t got = recv(pfd[i].fd, discard, sizeof discard, MSG_DONTWAIT);
            if (got > 0 || (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))) continue;
            for (int k = 0; k < nstalled; k++) {
                if (stalled[k] == pfd[i].fd) { close(stalled[k]); stalled[k] = stalled[--nstalled]; break; }
            }
        }
        for (int i = 0; i < first_stalled; i++) {
            if (!(pfd[i].revents & POLLIN)) continue;
            if (pfd[i].fd == udp) {
                char dgram[1500];
                while (recv(udp, dgram, sizeof dgram, 0) > 0) { }
                continue;
            }
            int c = accept(pfd[i].fd, NULL, NULL);
            if (c < 0) continue;
            fcntl(c, F_SETFL, 0);
            if (stall) {
                if (nstalled < MAX_STALLED) stalled[nstalled++] = c; else close(c);
            } else {
                serve(c);
                close(c);
            }
        }
    }
    printf("antnode: received a termination signal, exiting\n");
    return 0;
}
