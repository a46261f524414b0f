/* The ant-node stand-in: shared types. Upstream = WithAutonomi/ant-node @ 5ffa36d2 (v0.14.2), cited as AN:.
 * The contract is docs/contracts/ant-v2-contract.md, cited as §N. */
#ifndef ANT_NODE_H
#define ANT_NODE_H
#include <stddef.h>

#ifndef ANT_NODE_VERSION
#define ANT_NODE_VERSION "0.14.2"
#endif

#define MAX_BOOTSTRAP 64

/* What clap leaves after parsing argv and the env fallbacks (AN: src/bin/ant-node/cli.rs:16-135). */
struct config {
    const char *root_dir;            /* NULL: the platform default (§5.1) */
    unsigned port;                   /* 0: the OS picks */
    int ipv4_only;
    const char *bootstrap[MAX_BOOTSTRAP];
    int n_bootstrap;
    const char *upgrade_channel;
    const char *rewards_address;     /* NULL when neither the flag nor ANT_REWARDS_ADDRESS is given */
    const char *evm_network;
    const char *evm_rpc_url, *evm_payment_token, *evm_payment_vault;
    unsigned metrics_port;           /* parsed, never used: nothing listens (§5.1, §7 #5) */
    int enable_logging;
    const char *log_level, *log_format, *log_dir;
    const char *network_mode;
    const char *config_file;
    int stop_on_upgrade;
    char **argv;                     /* kept for the standalone upgrade respawn (AN: src/upgrade/apply.rs:661) */
};

/* cli.c: clap-like parsing. Exits 0 for --help/--version and 2 on usage errors, as clap does. */
void cli_parse(int argc, char **argv, struct config *cfg);

/* fail.c: a color-eyre report on stderr, then exit 1 (§5.3). */
extern const char *error_location;
void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* log.c: tracing-subscriber's fmt output, only with --enable-logging (AN: src/bin/ant-node/main.rs:29-89). */
enum level { L_ERROR, L_WARN, L_INFO, L_DEBUG, L_TRACE };
void log_init(const struct config *cfg);
void log_event(enum level lvl, const char *target, const char *fields, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* identity.c */
int platform_data_dir(char *out, size_t size);
void identity_resolve(struct config *cfg, char *root_out, size_t size, char peer_hex[65]);

/* store.c: the LMDB environments chunks.mdb and paid_list.mdb. */
void store_open(const char *root);
void store_open_paid_list(const char *root);
int store_put_random(size_t size);
void store_close(void);

/* upgrade.c: the stand-in's self-upgrade hook. Returns 1 when the node must shut down for the upgrade. */
int upgrade_apply(const struct config *cfg, const char *version, void (*before_spawn)(void));
int version_cmp(const char *a, const char *b);

/* util */
int mkdirs(const char *dir, unsigned mode);
int path_is_dir(const char *p);
int path_exists(const char *p);

#endif
