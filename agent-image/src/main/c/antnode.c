/*
 * antnode stand-in: one small static process per node, so a test container can run hundreds of nodes
 * in well under 2 MB each. It mimics what the orchestrator and antctl observe of the real antnode
 * (antctl-contract.md section 6): a UDP node port, an HTTP metrics server on 127.0.0.1 only, the
 * same server on the rpc port (the stand-in antctl reads connected peers there, as the real one reads
 * them over RPC), antnode.pid and secret-key in its root dir, critical_failure.log on a crash.
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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#ifndef ANTNODE_VERSION
#define ANTNODE_VERSION "0.4.17"
#endif

#define MAX_STALLED 64
#define BODY_MAX 65536

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

static void libp2p_noise(long up) {
    static const char *protocols[] = {"/ipfs/id/1.0.0", "/ipfs/kad/1.0.0", "/libp2p/autonat/1.0.0", "/ant/req/1.0.0"};
    put("# HELP libp2p_identify_remote_agent Agent versions of remote peers.\n");
    put("# TYPE libp2p_identify_remote_agent info\n");
    put("libp2p_identify_remote_agent_info{agent=\"ant/1.0 \\\"stand-in\\\" node\"} 1\n");
    put("# TYPE libp2p_kad_query_result_duration_seconds histogram\n");
    const char *le[] = {"0.1", "0.5", "1.0", "5.0", "+Inf"};
    for (int i = 0; i < 5; i++) {
        put("libp2p_kad_query_result_duration_seconds_bucket{type=\"get_closest_peers\",le=\"%s\"} %ld\n", le[i], up * (i + 1));
    }
    put("libp2p_kad_query_result_duration_seconds_sum{type=\"get_closest_peers\"} %.3f\n", up * 0.731);
    put("libp2p_kad_query_result_duration_seconds_count{type=\"get_closest_peers\"} %ld\n", up * 5);
    put("# TYPE libp2p_swarm_connections_incoming counter\n");
    for (int i = 0; i < 4; i++) {
        put("libp2p_swarm_connections_incoming_total{protocols=\"%s\"} %ld\n", protocols[i], up / (i + 1));
    }
    put("# TYPE libp2p_bandwidth_bytes counter\n");
    for (int i = 0; i < 40; i++) {
        put("libp2p_bandwidth_bytes_total{protocols=\"/ip4/udp/quic-v1\",direction=\"%s\",shard=\"%d\"} %ld\n",
            i % 2 ? "Inbound" : "Outbound", i, up * 1024 + i);
    }
    put("# TYPE libp2p_relay_server_status gauge\nlibp2p_relay_server_status NaN\n");
}

static void metrics_body(void) {
    long long up_ms = now_ms() - start_ms;
    long up = (long) (up_ms / 1000);
    int peers = connected_peers(up_ms);
    put("# HELP ant_node_uptime The uptime of the node in seconds.\n# TYPE ant_node_uptime gauge\n");
    put("ant_node_uptime %ld\n", up);
    put("# HELP ant_networking_connected_peers The number of connected peers.\n");
    put("# TYPE ant_networking_connected_peers gauge\nant_networking_connected_peers %d\n", peers);
    put("# TYPE ant_networking_records_stored gauge\nant_networking_records_stored %ld\n", up * 3);
    put("# TYPE ant_networking_relevant_records gauge\nant_networking_relevant_records %ld\n", up * 2);
    put("# TYPE ant_networking_max_records gauge\nant_networking_max_records 16384\n");
    long balance = up * 150;
    if (up % 2) put("# TYPE ant_node_current_reward_wallet_balance gauge\nant_node_current_reward_wallet_balance %.4e\n", (double) balance);
    else put("# TYPE ant_node_current_reward_wallet_balance gauge\nant_node_current_reward_wallet_balance %ld\n", balance);
    put("# TYPE ant_networking_received_payment_count gauge\nant_networking_received_payment_count %ld\n", up / 10);
    put("# HELP ant_node_put_record_ok Number of successful record PUTs.\n# TYPE ant_node_put_record_ok counter\n");
    const char *types[] = {"Chunk", "GraphEntry", "Pointer", "Scratchpad"};
    for (int i = 0; i < 4; i++) put("ant_node_put_record_ok_total{record_type=\"%s\"} %ld\n", types[i], up / (i + 1));
    put("# TYPE ant_networking_shunned_count counter\nant_networking_shunned_count_total %ld\n", up / 60);
    put("# TYPE ant_networking_bad_peers_count counter\nant_networking_bad_peers_count_total %ld\n", up / 90);
    put("# TYPE ant_networking_shunned_by_close_group gauge\nant_networking_shunned_by_close_group 0\n");
    put("# TYPE ant_networking_process_memory_used_mb gauge\nant_networking_process_memory_used_mb %.3f\n", 0.5 + (up % 10) * 0.01);
    put("# TYPE ant_networking_process_cpu_usage_percentage gauge\nant_networking_process_cpu_usage_percentage %.4f\n", (up % 7) * 0.1);
    put("# TYPE ant_networking_estimated_network_size gauge\nant_networking_estimated_network_size %ld\n", 250000 + up % 1000);
    put("# TYPE ant_networking_peers_in_routing_table gauge\nant_networking_peers_in_routing_table %d\n", peers * 20);
    put("# TYPE ant_networking_open_connections gauge\nant_networking_open_connections %d\n", peers + 2);
    put("# TYPE ant_networking_live_time gauge\nant_networking_live_time %ld\n", up);
    libp2p_noise(up);
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
    if (strcmp(path, "/metrics") == 0) metrics_body();
    else if (strcmp(path, "/metrics_extended") == 0) extended_body();
    else if (strcmp(path, "/metadata") == 0) metadata_body();
    else {
        static const char nf[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        send_all(fd, nf, sizeof nf - 1);
        return;
    }
    put("# EOF\n");
    char head[256];
    int h = snprintf(head, sizeof head,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/openmetrics-text;charset=utf-8;version=1.0.0\r\n"
                     "Content-Length: %zu\r\nConnection: close\r\n\r\n", body_len);
    send_all(fd, head, (size_t) h);
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
        struct pollfd pfd[3];
        int n = 0;
        for (int i = 0; i < nl; i++) { pfd[n].fd = listeners[i]; pfd[n].events = POLLIN; n++; }
        pfd[n].fd = udp; pfd[n].events = POLLIN; n++;
        int ready = poll(pfd, (nfds_t) n, 1000);
        long long t = now_ms();
        if (t - last_check >= 1000 || ready > 0) {
            last_check = t;
            if (file_exists(root_dir, "crash")) critical_failure("crash requested by the stand-in fault file");
            stall = file_exists(root_dir, "stall-metrics");
            if (!stall) { while (nstalled > 0) close(stalled[--nstalled]); }
        }
        if (ready <= 0) continue;
        for (int i = 0; i < n; i++) {
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
