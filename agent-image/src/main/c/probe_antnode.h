/* antfleet-probe's reader of legacy antnode metrics servers (probe_antnode.c). */
#ifndef PROBE_ANTNODE_H
#define PROBE_ANTNODE_H

#include <stddef.h>

#define ANTNODE_SERVICE_MAX 32
#define ANTNODE_FAILURE_MAX 256

/* One legacy node to read: its antctl service name and the metrics port it listens on at 127.0.0.1. */
struct antnode_target {
    char service[ANTNODE_SERVICE_MAX];
    int port;
    /* results: the kept lines of each body (malloc'd, NUL-terminated), or a failure */
    char *metrics;
    char *metadata;
    char failure[ANTNODE_FAILURE_MAX];
};

/* Parses "antnode1:13001,antnode2:13002"; returns the count, or -1 (message in `why`) on a bad list. */
int antnode_targets(const char *list, struct antnode_target **out, char *why, size_t why_size);

/* Parses "name,name,..." into a NULL-terminated array; returns the count, or -1 on a bad list. */
int antnode_keep(const char *list, char ***out, char *why, size_t why_size);

/* Reads every target's /metrics then /metadata, up to `parallel` at once, each request bounded by timeout_ms. */
void antnode_read_all(struct antnode_target *targets, size_t n, char **keep, int timeout_ms, int parallel);

#endif
