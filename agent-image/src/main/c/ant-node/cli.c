/* clap 4.6 behaviour for ant-node's flags (AN: src/bin/ant-node/cli.rs:16-135, Cargo.lock clap 4.6.1):
 * the exact flag set, --flag value / --flag=value / -p value / -p8080, env fallbacks applied after argv,
 * value parsers (u16 as a ranged i64, usize, SocketAddr, PathBuf, value enums), and clap's usage errors
 * on stderr with exit 2 (§1 "exit codes", §5.1, §5.3). Message texts are clap's format strings
 * (clap_builder/src/error/format.rs); the spacing is inferred, not run. */
#include "ant_node.h"
#include "values.h"
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { FLAG, PATH, STRING, U16, USIZE, SOCKADDR, CHOICE, HELP, VERSION };

struct arg {
    const char *lng;
    char shrt;
    const char *value_name;
    enum kind kind;
    const char *env;
    const char *choices; /* comma-separated possible values */
    int many;            /* Vec<_>: repeatable */
    const char *help;
    int seen;
};

/* One row per field of `struct Cli` in AN: src/bin/ant-node/cli.rs, in declaration order. --enable-logging
 * and --log-* exist only with the `logging` feature, which every release since v0.10.0-rc.1 has (§5.1). */
static struct arg ARGS[] = {
    {"root-dir", 0, "ROOT_DIR", PATH, "ANT_ROOT_DIR", NULL, 0, "Root directory for node data", 0},
    {"port", 'p', "PORT", U16, "ANT_PORT", NULL, 0, "Listening port (0 for auto-select) [default: 0]", 0},
    {"ipv4-only", 0, NULL, FLAG, "ANT_IPV4_ONLY", NULL, 0, "Force IPv4-only mode (disable dual-stack)", 0},
    {"bootstrap", 'b', "BOOTSTRAP", SOCKADDR, "ANT_BOOTSTRAP", NULL, 1, "Bootstrap peer addresses", 0},
    {"upgrade-channel", 0, "UPGRADE_CHANNEL", CHOICE, "ANT_UPGRADE_CHANNEL", "stable,beta", 0,
     "Release channel for upgrades [default: stable]", 0},
    {"cache-capacity", 0, "CACHE_CAPACITY", USIZE, "ANT_CACHE_CAPACITY", NULL, 0,
     "Cache capacity for verified `XorName` values [default: 100000]", 0},
    {"rewards-address", 0, "REWARDS_ADDRESS", STRING, "ANT_REWARDS_ADDRESS", NULL, 0,
     "EVM wallet address for receiving payments (e.g., \"0x...\")", 0},
    {"evm-network", 0, "EVM_NETWORK", CHOICE, "ANT_EVM_NETWORK", "arbitrum-one,arbitrum-sepolia", 0,
     "EVM network for payment processing [default: arbitrum-one]", 0},
    {"evm-rpc-url", 0, "EVM_RPC_URL", STRING, "ANT_EVM_RPC_URL", NULL, 0,
     "HTTP RPC URL of a custom EVM (e.g. a local Anvil instance)", 0},
    {"evm-payment-token", 0, "EVM_PAYMENT_TOKEN", STRING, "ANT_EVM_PAYMENT_TOKEN", NULL, 0,
     "ANT token contract address on the custom EVM", 0},
    {"evm-payment-vault", 0, "EVM_PAYMENT_VAULT", STRING, "ANT_EVM_PAYMENT_VAULT", NULL, 0,
     "Payment vault contract address on the custom EVM", 0},
    {"metrics-port", 0, "METRICS_PORT", U16, "ANT_METRICS_PORT", NULL, 0,
     "Prometheus metrics port [default: 9100]", 0},
#ifndef ANT_NODE_NO_LOGGING
    {"enable-logging", 0, NULL, FLAG, "ANT_ENABLE_LOGGING", NULL, 0, "Enable logging output", 0},
    {"log-level", 0, "LOG_LEVEL", CHOICE, "RUST_LOG", "error,warn,info,debug,trace", 0, "Log level [default: info]", 0},
    {"log-format", 0, "LOG_FORMAT", CHOICE, "ANT_LOG_FORMAT", "text,json", 0, "Log output format [default: text]", 0},
    {"log-dir", 0, "LOG_DIR", PATH, "ANT_LOG_DIR", NULL, 0, "Directory for log file output", 0},
    {"log-max-files", 0, "LOG_MAX_FILES", USIZE, "ANT_LOG_MAX_FILES", NULL, 0,
     "Maximum number of rotated log files to retain (only used with --log-dir) [default: 7]", 0},
#endif
    {"network-mode", 0, "NETWORK_MODE", CHOICE, "ANT_NETWORK_MODE", "production,testnet,development", 0,
     "Network mode (production, testnet, or development) [default: production]", 0},
    {"config", 'c', "CONFIG", PATH, NULL, NULL, 0, "Path to configuration file", 0},
    {"stop-on-upgrade", 0, NULL, FLAG, NULL, NULL, 0, "Exit cleanly on upgrade instead of spawning a new process", 0},
    {"help", 'h', NULL, HELP, NULL, NULL, 0, "Print help", 0},
    {"version", 'V', NULL, VERSION, NULL, NULL, 0, "Print version", 0},
};
#define N_ARGS (sizeof ARGS / sizeof ARGS[0])

static const char USAGE[] = "Usage: ant-node [OPTIONS]";

static void usage_error(const char *msg, const char *tip, int with_usage) {
    fprintf(stderr, "error: %s\n\n", msg);
    if (tip) fprintf(stderr, "  tip: %s\n\n", tip);
    if (with_usage) fprintf(stderr, "%s\n\n", USAGE);
    fprintf(stderr, "For more information, try '--help'.\n");
    exit(2);
}

/* "--port <PORT>" or "--ipv4-only", as clap names an argument in its messages. */
static const char *display(const struct arg *a) {
    static char buf[128];
    if (a->value_name) snprintf(buf, sizeof buf, "--%s <%s>", a->lng, a->value_name);
    else snprintf(buf, sizeof buf, "--%s", a->lng);
    return buf;
}

static void unknown_argument(const char *token) {
    char msg[512], tip[256];
    snprintf(msg, sizeof msg, "unexpected argument '%s' found", token);
    const char *best = NULL;
    double best_score = 0.7;
    if (strncmp(token, "--", 2) == 0) {
        for (size_t i = 0; i < N_ARGS; i++) {
            double s = jaro(token + 2, ARGS[i].lng);
            if (s > best_score) { best_score = s; best = ARGS[i].lng; }
        }
    }
    if (best) snprintf(tip, sizeof tip, "a similar argument exists: '--%s'", best);
    usage_error(msg, best ? tip : NULL, 1);
}

static void invalid_value(const struct arg *a, const char *value, const char *why) {
    char msg[1024];
    if (why) snprintf(msg, sizeof msg, "invalid value '%s' for '%s': %s", value, display(a), why);
    else snprintf(msg, sizeof msg, "invalid value '%s' for '%s'\n  [possible values: %s]", value, display(a), a->choices);
    for (char *c = strstr(msg, "[possible values: "); c && *c; c++) {
        if (*c == ',') { memmove(c + 2, c + 1, strlen(c + 1) + 1); c[1] = ' '; }
    }
    usage_error(msg, NULL, 0);
}

static void store(struct config *cfg, const struct arg *a, const char *v) {
    unsigned long long n = 0;
    const char *why;
    switch (a->kind) {
    case U16:
        if ((why = parse_int(v, 65535, 1, &n))) invalid_value(a, v, why);
        break;
    case USIZE:
        if ((why = parse_int(v, ~0ULL, 0, &n))) invalid_value(a, v, why);
        break;
    case SOCKADDR:
        if (!valid_socket_addr(v)) invalid_value(a, v, "invalid socket address syntax");
        break;
    case CHOICE:
        if (!in_choices(a->choices, v)) invalid_value(a, v, NULL);
        break;
    case FLAG: /* only from the environment: BoolValueParser accepts true/false (inferred, §5.2) */
        if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
            struct arg b = *a;
            b.choices = "true,false";
            invalid_value(&b, v, NULL);
        }
        break;
    default:
        break;
    }
    const char *l = a->lng;
    if (!strcmp(l, "root-dir")) cfg->root_dir = v;
    else if (!strcmp(l, "port")) cfg->port = (unsigned) n;
    else if (!strcmp(l, "ipv4-only")) cfg->ipv4_only = !strcmp(v, "true");
    else if (!strcmp(l, "bootstrap") && cfg->n_bootstrap < MAX_BOOTSTRAP) cfg->bootstrap[cfg->n_bootstrap++] = v;
    else if (!strcmp(l, "upgrade-channel")) cfg->upgrade_channel = v;
    else if (!strcmp(l, "rewards-address")) cfg->rewards_address = v;
    else if (!strcmp(l, "evm-network")) cfg->evm_network = v;
    else if (!strcmp(l, "evm-rpc-url")) cfg->evm_rpc_url = v;
    else if (!strcmp(l, "evm-payment-token")) cfg->evm_payment_token = v;
    else if (!strcmp(l, "evm-payment-vault")) cfg->evm_payment_vault = v;
    else if (!strcmp(l, "metrics-port")) cfg->metrics_port = (unsigned) n;
    else if (!strcmp(l, "enable-logging")) cfg->enable_logging = !strcmp(v, "true");
    else if (!strcmp(l, "log-level")) cfg->log_level = v;
    else if (!strcmp(l, "log-format")) cfg->log_format = v;
    else if (!strcmp(l, "log-dir")) cfg->log_dir = v;
    else if (!strcmp(l, "network-mode")) cfg->network_mode = v;
    else if (!strcmp(l, "config")) cfg->config_file = v;
    else if (!strcmp(l, "stop-on-upgrade")) cfg->stop_on_upgrade = !strcmp(v, "true");
}

static void print_help(void) {
    printf("Pure quantum-proof network node for the Autonomi decentralized network\n\n%s\n\nOptions:\n", USAGE);
    for (size_t i = 0; i < N_ARGS; i++) {
        const struct arg *a = &ARGS[i];
        char left[96];
        if (a->shrt) snprintf(left, sizeof left, "-%c, %s", a->shrt, display(a));
        else snprintf(left, sizeof left, "    %s", display(a));
        printf("  %-40s %s", left, a->help);
        if (a->env) printf(" [env: %s=]", a->env);
        if (a->choices) {
            printf(" [possible values: ");
            for (const char *c = a->choices; *c; c++) fputs(*c == ',' ? ", " : (char[2]){*c, 0}, stdout);
            printf("]");
        }
        printf("\n");
    }
}

static struct arg *find_long(const char *name, size_t len) {
    for (size_t i = 0; i < N_ARGS; i++) {
        if (strlen(ARGS[i].lng) == len && strncmp(ARGS[i].lng, name, len) == 0) return &ARGS[i];
    }
    return NULL;
}

static struct arg *find_short(char c) {
    for (size_t i = 0; i < N_ARGS; i++) {
        if (ARGS[i].shrt == c) return &ARGS[i];
    }
    return NULL;
}

/* Marks the argument seen (clap 4: a second use of a non-Vec argument is an error) and handles the
 * actions that end parsing at once: --help and --version print and exit 0 wherever they appear. */
static void take(struct arg *a) {
    if (a->kind == HELP) { print_help(); exit(0); }
    if (a->kind == VERSION) { printf("ant-node %s\n", ANT_NODE_VERSION); exit(0); } /* §5.1: exactly one line */
    if (a->seen && !a->many) {
        char msg[256];
        snprintf(msg, sizeof msg, "the argument '%s' cannot be used multiple times", display(a));
        usage_error(msg, NULL, 1);
    }
    a->seen = 1;
}

static void missing_value(const struct arg *a) {
    char msg[512];
    if (a->choices) snprintf(msg, sizeof msg, "a value is required for '%s' but none was supplied\n  [possible values: %s]", display(a), a->choices);
    else snprintf(msg, sizeof msg, "a value is required for '%s' but none was supplied", display(a));
    for (char *c = strstr(msg, "[possible values: "); c && *c; c++) {
        if (*c == ',') { memmove(c + 2, c + 1, strlen(c + 1) + 1); c[1] = ' '; }
    }
    usage_error(msg, NULL, 0);
}

/* The value of an option: attached (--x=v, -pv, -p=v) or the next token, which must not look like a flag. */
static const char *value_of(const struct arg *a, const char *attached, int argc, char **argv, int *i) {
    if (attached) return attached;
    if (*i + 1 >= argc || (argv[*i + 1][0] == '-' && argv[*i + 1][1] != 0)) missing_value(a);
    return argv[++*i];
}

static void apply(struct config *cfg, struct arg *a, const char *attached, int argc, char **argv, int *i) {
    take(a);
    if (a->kind == FLAG) {
        if (attached) {
            char msg[256];
            snprintf(msg, sizeof msg, "unexpected value '%s' for '%s' found; no more were expected", attached, display(a));
            usage_error(msg, NULL, 1);
        }
        store(cfg, a, "true");
        return;
    }
    const char *v = value_of(a, attached, argc, argv, i);
    if (a->kind == PATH && *v == 0) missing_value(a);
    store(cfg, a, v);
}

void cli_parse(int argc, char **argv, struct config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->upgrade_channel = "stable";
    cfg->evm_network = "arbitrum-one";
    cfg->metrics_port = 9100;
    cfg->log_level = "info";
    cfg->log_format = "text";
    cfg->network_mode = "production";
    cfg->argv = argv;
    int positional_only = 0;
    for (int i = 1; i < argc; i++) {
        char *t = argv[i];
        if (positional_only || t[0] != '-' || t[1] == 0) unknown_argument(t); /* ant-node takes no positionals */
        if (strcmp(t, "--") == 0) { positional_only = 1; continue; }
        if (t[1] == '-') {
            char *eq = strchr(t + 2, '=');
            size_t len = eq ? (size_t) (eq - t - 2) : strlen(t + 2);
            struct arg *a = find_long(t + 2, len);
            if (!a) {
                if (eq) *eq = 0; /* clap names the flag without its value */
                unknown_argument(t);
            }
            apply(cfg, a, eq ? eq + 1 : NULL, argc, argv, &i);
        } else {
            struct arg *a = find_short(t[1]);
            if (!a) { char s[3] = {'-', t[1], 0}; unknown_argument(s); }
            const char *attached = t[2] ? (t[2] == '=' ? t + 3 : t + 2) : NULL;
            apply(cfg, a, attached, argc, argv, &i);
        }
    }
    /* Env fallbacks for what argv did not set (clap applies them after the command line). An empty
     * variable counts as unset (inferred). */
    for (size_t k = 0; k < N_ARGS; k++) {
        struct arg *a = &ARGS[k];
        const char *v = a->env ? getenv(a->env) : NULL;
        if (a->seen || !v || !*v) continue;
        store(cfg, a, v);
    }
}
