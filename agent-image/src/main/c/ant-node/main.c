/*
 * ant-node stand-in: what an orchestrator can observe of ant-node 0.14.2 (§5, §4.3), in one small static
 * process per node. Upstream: WithAutonomi/ant-node @ 5ffa36d2, cited as AN:<file>:<line>.
 *
 * Start-up, in upstream's order (AN: src/bin/ant-node/main.rs:99-163, src/node.rs:83-188, 462-560):
 *   clap (usage errors exit 2) -> logging (only with --enable-logging) -> config (--config, custom EVM
 *   checks) -> the production rewards-address check -> identity (node_identity.key, the root dir)
 *   -> chunks.mdb (LMDB) -> the rewards address format -> paid_list.mdb -> bind the UDP port
 *   -> run until SIGTERM/SIGINT (exit 0); SIGHUP is logged and ignored (src/node.rs:695-720).
 * Runtime errors print a color-eyre report and exit 1 (fail.c). No metrics, health or rpc listener:
 * --metrics-port is parsed and ignored (§5.1, §7 #5). No pid file: the daemon writes node.pid (§3.5).
 *
 * Test hooks, files in the root dir polled every 250 ms (README "ant-node test hooks"):
 *   standin-upgrade  X.Y.Z       self-upgrade to that version (upgrade.c), then exit 0
 *   standin-chunks   N [BYTES]   store N chunks of random content, as client PUTs would (store.c)
 *   standin-exit     CODE|abort  exit with CODE now, or abort like a panic (panic = "abort", §5.3)
 *
 * Built once per version: gcc -static -O2 -DANT_NODE_VERSION='"0.14.2"' *.c -llmdb
 */
#include "ant_node.h"
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int udp = -1;
static char root[4096];

int mkdirs(const char *dir, unsigned mode) {
    char p[4096];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') { *s = 0; mkdir(p, mode); *s = '/'; }
    }
    return mkdir(p, mode) == 0 || errno == EEXIST ? (path_is_dir(p) ? 0 : -1) : -1;
}

int path_is_dir(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISDIR(st.st_mode); }
int path_exists(const char *p) { return access(p, F_OK) == 0; }

/* AN: src/payment/wallet.rs:69-99 parse_rewards_address, reported as "payment error: ..." (src/error.rs:28). */
static void check_rewards_address(const char *a) {
    if (strncmp(a, "0x", 2) != 0 && strncmp(a, "0X", 2) != 0)
        fail("payment error: Invalid rewards address format: must start with '0x', got: %s", a);
    if (strlen(a) != 42) fail("payment error: Invalid rewards address length: expected 42 characters, got %zu", strlen(a));
    if (strspn(a + 2, "0123456789abcdefABCDEF") != 40)
        fail("payment error: Invalid rewards address: contains non-hex characters: %s", a);
}

/* AN: src/bin/ant-node/cli.rs:214-300 into_config: the --config file and the custom EVM checks. */
static void into_config(const struct config *cfg) {
    if (cfg->config_file) {
        error_location = "src/bin/ant-node/cli.rs:218";
        FILE *f = fopen(cfg->config_file, "r");
        if (!f) fail("I/O error: %s (os error %d)", strerror(errno), errno);
        fclose(f);
        fail("configuration error: the ant-node stand-in does not read --config files (see agent-image/README.md)");
    }
    error_location = "src/bin/ant-node/cli.rs:252";
    if (cfg->evm_rpc_url && !cfg->evm_payment_token) fail("--evm-payment-token is required when --evm-rpc-url is set");
    error_location = "src/bin/ant-node/cli.rs:255";
    if (cfg->evm_rpc_url && !cfg->evm_payment_vault) fail("--evm-payment-vault is required when --evm-rpc-url is set");
    error_location = "src/bin/ant-node/main.rs:158"; /* NodeBuilder::new(config).build().await? */
}

/* Where bootstrap peers come from, only for the log line (AN: src/config.rs:509-540, main.rs:131-156). */
static void log_bootstrap_source(const struct config *cfg) {
    if (cfg->n_bootstrap > 0) {
        char f[32];
        snprintf(f, sizeof f, "count=%d", cfg->n_bootstrap);
        log_event(L_INFO, "ant_node", f, "Bootstrap peers provided via CLI");
        return;
    }
    char candidates[4][4200], exe[4096];
    const char *env = getenv("ANT_BOOTSTRAP_PEERS_PATH"), *home = getenv("HOME");
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    if (n > 0) *strrchr(exe, '/') = 0;
    snprintf(candidates[0], sizeof candidates[0], "%s", env ? env : "");
    snprintf(candidates[1], sizeof candidates[1], "%s/bootstrap_peers.toml", exe);
    snprintf(candidates[2], sizeof candidates[2], "%s/.config/ant/bootstrap_peers.toml", home ? home : "");
    snprintf(candidates[3], sizeof candidates[3], "/etc/ant/bootstrap_peers.toml");
    for (int i = 0; i < 4; i++) {
        if (!candidates[i][0] || !path_exists(candidates[i])) continue;
        char f[4300];
        snprintf(f, sizeof f, "path=%s", candidates[i]);
        log_event(L_INFO, "ant_node", f, "Bootstrap peers loaded from discovered config");
        return;
    }
    log_event(L_WARN, "ant_node", NULL, "No bootstrap peers configured — node will not be able to join an existing network");
}

/* saorsa-core binds the QUIC endpoint on all interfaces, dual-stack unless --ipv4-only (§5.1 --port). */
static unsigned bind_udp(const struct config *cfg) {
    struct sockaddr_storage ss;
    socklen_t len;
    memset(&ss, 0, sizeof ss);
    if (!cfg->ipv4_only && (udp = socket(AF_INET6, SOCK_DGRAM, 0)) >= 0) {
        int off = 0;
        setsockopt(udp, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
        struct sockaddr_in6 *a = (struct sockaddr_in6 *) &ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((unsigned short) cfg->port);
        a->sin6_addr = in6addr_any;
        len = sizeof *a;
    } else {
        udp = socket(AF_INET, SOCK_DGRAM, 0);
        struct sockaddr_in *a = (struct sockaddr_in *) &ss;
        a->sin_family = AF_INET;
        a->sin_port = htons((unsigned short) cfg->port);
        a->sin_addr.s_addr = htonl(INADDR_ANY);
        len = sizeof *a;
    }
    if (udp < 0 || bind(udp, (struct sockaddr *) &ss, len) != 0) {
        fail("node startup failed: Failed to start P2P node: Network error: Failed to bind UDP endpoint on port %u: %s (os error %d)",
             cfg->port, strerror(errno), errno);
    }
    len = sizeof ss;
    getsockname(udp, (struct sockaddr *) &ss, &len);
    return ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *) &ss)->sin6_port : ((struct sockaddr_in *) &ss)->sin_port);
}

static void close_udp(void) {
    if (udp >= 0) close(udp);
    udp = -1;
}

/* Reads and removes a hook file; returns 1 with its first line in buf when it was there. */
static int take_hook(const char *name, char *buf, size_t size) {
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", root, name);
    FILE *f = fopen(p, "r");
    if (!f) return 0;
    buf[0] = 0;
    if (!fgets(buf, (int) size, f)) buf[0] = 0;
    fclose(f);
    unlink(p);
    buf[strcspn(buf, "\r\n")] = 0;
    return 1;
}

/* Returns 1 when the node must shut down for an upgrade. */
static int poll_hooks(const struct config *cfg) {
    char line[256];
    if (take_hook("standin-chunks", line, sizeof line)) {
        long n = 0, size = 1024;
        sscanf(line, "%ld %ld", &n, &size);
        if (n > 100000) n = 100000; /* a test hook, not a load generator: keep the node responsive to signals */
        for (long i = 0; i < n; i++) store_put_random((size_t) (size > 0 ? size : 1024));
    }
    if (take_hook("standin-exit", line, sizeof line)) {
        if (strcmp(line, "abort") == 0) {
            fprintf(stderr, "\nthread 'main' panicked at src/node.rs:1:1:\nstand-in panic (standin-exit abort)\n"
                            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
            abort();
        }
        exit(atoi(line));
    }
    if (take_hook("standin-upgrade", line, sizeof line)) return upgrade_apply(cfg, line, close_udp);
    return 0;
}

/* Every start makes the shared upgrade cache <D>/upgrades, mode 0700, best effort (build_upgrade_monitor,
 * AN: src/node.rs:335-345, src/upgrade/cache_dir.rs:21-50); the contract lists it in §4.1 and §2.6. */
static void make_upgrade_cache_dir(void) {
    char dir[4200];
    if (platform_data_dir(dir, sizeof dir - 16) != 0) return;
    strcat(dir, "/upgrades");
    if (mkdirs(dir, 0755) == 0 && chmod(dir, 0700) != 0)
        log_event(L_WARN, "ant_node::upgrade::cache_dir", NULL, "Could not tighten upgrade cache dir permissions to 0700 (%s); "
                  "ML-DSA re-verification still protects cached archives", strerror(errno));
}

static void shutdown_node(void) {
    log_event(L_INFO, "ant_node::node", NULL, "Shutting down P2P node...");
    close_udp();
    store_close();
    log_event(L_INFO, "ant_node::node", NULL, "Node shutdown complete");
}

int main(int argc, char **argv) {
    struct config cfg;
    char peer[65], f[4400];
    /* Block the signals the node handles before anything else, so a SIGTERM during start-up is not lost. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    cli_parse(argc, argv, &cfg);
    log_init(&cfg);
    snprintf(f, sizeof f, "version=\"%s\" commit=\"stand-in\"", ANT_NODE_VERSION);
    log_event(L_INFO, "ant_node", f, "ant-node starting");
    into_config(&cfg);
    log_bootstrap_source(&cfg);

    /* NodeBuilder::build (AN: src/node.rs:58-76): production mode needs an address that is set, not
     * empty and not the example placeholder. Other modes fail later, in build_ant_protocol. */
    const char *addr = cfg.rewards_address;
    if (!strcmp(cfg.network_mode, "production") && (!addr || !*addr || !strcmp(addr, "0xYOUR_ARBITRUM_ADDRESS_HERE")))
        fail("configuration error: CRITICAL: Rewards address is not configured. Set payment.rewards_address in config to your Arbitrum wallet address.");
    identity_resolve(&cfg, root, sizeof root, peer);
    snprintf(f, sizeof f, "peer_id=%s root_dir=%s", peer, root);
    log_event(L_INFO, "ant_node::node", f, "Node identity resolved");
    if (mkdirs(root, 0755) != 0) fail("I/O error: %s (os error %d)", strerror(errno), errno);
    make_upgrade_cache_dir();
    sigprocmask(SIG_BLOCK, &set, NULL);
    store_open(root);
    if (!addr) fail("node startup failed: No rewards address configured. Set --rewards-address or payment.rewards_address in config.");
    check_rewards_address(addr);
    store_open_paid_list(root);

    error_location = "src/bin/ant-node/main.rs:159"; /* node.run().await? */
    unsigned port = bind_udp(&cfg);
    snprintf(f, sizeof f, "port=%u", port);
    log_event(L_INFO, "ant_node::node", f, "Node is running on port: %u", port);
    log_event(L_INFO, "ant_node::node", NULL, "Node running, waiting for shutdown signal");

    struct timespec tick = {0, 250 * 1000 * 1000};
    for (;;) {
        int sig = sigtimedwait(&set, NULL, &tick);
        if (sig == SIGHUP) {
            log_event(L_INFO, "ant_node::node", NULL, "Received SIGHUP (config reload not yet supported)");
        } else if (sig == SIGTERM || sig == SIGINT) {
            log_event(L_INFO, "ant_node::node", NULL, sig == SIGTERM ? "Received SIGTERM, initiating shutdown"
                                                                    : "Received SIGINT (Ctrl-C), initiating shutdown");
            shutdown_node();
            log_event(L_INFO, "ant_node", NULL, "Goodbye!");
            return 0;
        } else if (poll_hooks(&cfg)) {
            log_event(L_INFO, "ant_node::node", NULL, "Shutdown signal received");
            shutdown_node();
            log_event(L_INFO, "ant_node::node", NULL, "Exiting with code 0 for upgrade restart");
            exit(0);
        }
    }
}
