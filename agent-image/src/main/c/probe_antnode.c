/*
 * Legacy antnode readings for antfleet-probe: a remote host's antnode binds its metrics server to that host's
 * 127.0.0.1 (antctl-contract.md §6), which the orchestrator cannot reach, so the probe, run by `docker exec`
 * in the agent container (host networking: the node's 127.0.0.1 is the probe's), reads /metrics and /metadata
 * of each node it is given, several at once, and prints only the sample lines antfleet asked for (--keep) plus
 * "# EOF" when the body ended with it. The orchestrator parses those lines with the same OpenMetrics reader as
 * its direct sweep, so one parser decides what a valid body is.
 *
 * Bodies can be large (a real antnode's /metrics is ~47 KB, 547 lines, mostly libp2p_*): the answer is read
 * whole up to MAX_ANSWER, de-chunked when chunked, filtered line by line, and only the kept lines (a few hundred
 * bytes) travel back through docker exec. Every request has a deadline covering connect, send and receive.
 */
#define _GNU_SOURCE
#include "probe_antnode.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_TARGETS 2000
#define MAX_KEEP 64
#define MAX_ANSWER (16 * 1024 * 1024)
#define MAX_KEPT (256 * 1024)

struct buf { char *data; size_t len, cap; };

static int buf_add(struct buf *b, const char *src, size_t n, size_t limit) {
    if (b->len + n + 1 > limit) return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1) cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) return -1;
        b->data = grown, b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

static int valid_service(const char *s, size_t len) {
    if (len == 0 || len >= ANTNODE_SERVICE_MAX || s[0] < 'a' || s[0] > 'z') return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_')) return 0;
    return 1;
}

int antnode_targets(const char *list, struct antnode_target **out, char *why, size_t why_size) {
    struct antnode_target *t = calloc(MAX_TARGETS, sizeof *t);
    int n = 0;
    if (!t) { snprintf(why, why_size, "out of memory"); return -1; }
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ','), *end = comma ? comma : p + strlen(p), *colon = memchr(p, ':', (size_t) (end - p));
        char *stop;
        long port = colon ? strtol(colon + 1, &stop, 10) : 0;
        if (!colon || !valid_service(p, (size_t) (colon - p)) || stop != end || port < 1 || port > 65535 || n == MAX_TARGETS) {
            snprintf(why, why_size, "--antnodes expects SERVICE:PORT[,...] (at most %d), got '%.*s'", MAX_TARGETS,
                     (int) (end - p > 64 ? 64 : end - p), p);
            free(t);
            return -1;
        }
        memcpy(t[n].service, p, (size_t) (colon - p));
        t[n++].port = (int) port;
        p = comma ? comma + 1 : end;
    }
    *out = t;
    return n;
}

int antnode_keep(const char *list, char ***out, char *why, size_t why_size) {
    char **names = calloc(MAX_KEEP + 1, sizeof *names);
    int n = 0;
    if (!names) { snprintf(why, why_size, "out of memory"); return -1; }
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ','), *end = comma ? comma : p + strlen(p);
        size_t len = (size_t) (end - p);
        int ok = len > 0 && len <= 128 && n < MAX_KEEP;
        for (size_t i = 0; ok && i < len; i++)
            ok = (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '_' || p[i] == ':'
                 || (i > 0 && p[i] >= '0' && p[i] <= '9');
        if (!ok) {
            snprintf(why, why_size, "--keep expects metric names NAME[,...] (at most %d), got '%.*s'", MAX_KEEP,
                     (int) (len > 64 ? 64 : len), p);
            return -1;
        }
        names[n++] = strndup(p, len);
        p = comma ? comma + 1 : end;
    }
    *out = names;
    return n;
}

/* ---- one request --------------------------------------------------------------------------------------- */

static long left_ms(const struct timespec *deadline) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

static int wait_for(int fd, short events, const struct timespec *deadline) {
    long left = left_ms(deadline);
    struct pollfd p = {fd, events, 0};
    return left > 0 && poll(&p, 1, (int) left) == 1 ? 0 : -1;
}

/* Connects and sends the request; -1 with the failure set. */
static int request(int port, const char *path, const struct timespec *deadline, int timeout_ms, char *failure) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) { snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: socket: %s", path, strerror(errno)); return -1; }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short) port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int rc = connect(fd, (struct sockaddr *) &a, sizeof a), err = errno;
    if (rc != 0 && err == EINPROGRESS) {
        socklen_t len = sizeof err;
        rc = wait_for(fd, POLLOUT, deadline) == 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0 ? 0 : -1;
        if (rc != 0 && err == EINPROGRESS) err = ETIMEDOUT;
    }
    if (rc != 0) {
        if (err == ECONNREFUSED) snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: connection refused", path);
        else if (err == ETIMEDOUT) snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: connect timed out after %d ms", path, timeout_ms);
        else snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: connect: %s", path, strerror(err));
        close(fd);
        return -1;
    }
    char req[256];
    int len = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: application/openmetrics-text\r\n"
                       "Connection: close\r\n\r\n", path, port);
    for (int sent = 0; sent < len;) {
        ssize_t n = send(fd, req + sent, (size_t) (len - sent), MSG_NOSIGNAL);
        if (n > 0) { sent += (int) n; continue; }
        if (n < 0 && errno == EAGAIN && wait_for(fd, POLLOUT, deadline) == 0) continue;
        snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: %s", path, n < 0 && errno != EAGAIN ? strerror(errno) : "send timed out");
        close(fd);
        return -1;
    }
    return fd;
}

/* De-chunks body[0, len) in place; returns the new length, or -1 when the framing is broken. */
static long dechunk(char *body, size_t len) {
    size_t in = 0, out = 0;
    for (;;) {
        char *line_end = memmem(body + in, len - in, "\r\n", 2);
        if (!line_end) return -1;
        char *stop;
        unsigned long size = strtoul(body + in, &stop, 16);
        if (stop == body + in || (*stop != '\r' && *stop != ';')) return -1;
        in = (size_t) (line_end - body) + 2;
        if (size == 0) return (long) out;
        if (size > len - in || len - in - size < 2) return -1;
        memmove(body + out, body + in, size);
        out += size, in += size + 2;
    }
}

/* The body of a 200 answer in `answer` (moved to its start, NUL-terminated); -1 with the failure set. */
static long body_of(struct buf *answer, const char *path, char *failure) {
    char *head_end = answer->len ? strstr(answer->data, "\r\n\r\n") : NULL;
    int status = 0;
    if (!head_end || sscanf(answer->data, "HTTP/1.%*d %d", &status) != 1) {
        snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: not an HTTP answer (%zu bytes)", path, answer->len);
        return -1;
    }
    if (status != 200) { snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: HTTP %d", path, status); return -1; }
    *head_end = 0;
    size_t start = (size_t) (head_end - answer->data) + 4, have = answer->len - start;
    long length = (long) have;
    int chunked = 0;
    for (char *h = strstr(answer->data, "\r\n"); h; h = strstr(h + 2, "\r\n")) {
        if (strncasecmp(h + 2, "Content-Length:", 15) == 0) {
            char *stop;
            long declared = strtol(h + 17, &stop, 10);
            if (declared < 0 || (*stop != '\r' && *stop != 0 && *stop != ' ')) {
                snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: invalid Content-Length", path);
                return -1;
            }
            if ((size_t) declared > have) {
                snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: answer cut short: %zu of %ld bytes", path, have, declared);
                return -1;
            }
            length = declared;
        } else if (strncasecmp(h + 2, "Transfer-Encoding:", 18) == 0 && strcasestr(h + 20, "chunked")) {
            chunked = 1;
        }
    }
    memmove(answer->data, answer->data + start, have);
    if (chunked && (length = dechunk(answer->data, have)) < 0) {
        snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: invalid chunk size (chunked answer cut short or broken)", path);
        return -1;
    }
    answer->data[length] = 0;
    return length;
}

/* GET path; the raw body in `answer` (caller frees answer->data). -1 with the failure set. */
static long fetch(int port, const char *path, int timeout_ms, struct buf *answer, char *failure) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long) (timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) deadline.tv_sec++, deadline.tv_nsec -= 1000000000L;
    int fd = request(port, path, &deadline, timeout_ms, failure);
    if (fd < 0) return -1;
    char chunk[65536];
    for (;;) {
        ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            if (buf_add(answer, chunk, (size_t) n, MAX_ANSWER) != 0) {
                snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: answer larger than %d bytes", path, MAX_ANSWER);
                close(fd);
                return -1;
            }
            continue;
        }
        if (n == 0) break;
        int err = errno;
        if (err == EAGAIN && wait_for(fd, POLLIN, &deadline) == 0) continue;
        if (err == EAGAIN) snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: no complete answer within %d ms", path, timeout_ms);
        else snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: %s", path, strerror(err));
        close(fd);
        return -1;
    }
    close(fd);
    return body_of(answer, path, failure);
}

/* ---- filtering --------------------------------------------------------------------------------------- */

/* The length of `name` without a trailing "_total" (a counter's samples carry it, its family does not). */
static size_t base_len(const char *name, size_t len) {
    return len > 6 && memcmp(name + len - 6, "_total", 6) == 0 ? len - 6 : len;
}

static int kept(const char *line, size_t len, char **keep) {
    size_t name = 0;
    while (name < len && line[name] != '{' && line[name] != ' ' && line[name] != '\t') name++;
    size_t base = base_len(line, name);
    for (char **k = keep; *k; k++) {
        size_t klen = strlen(*k), kbase = base_len(*k, klen);
        if (kbase == base && memcmp(line, *k, base) == 0) return 1;
    }
    return 0;
}

/* The sample lines of `keep` and "# EOF", in body order; NULL with the failure set. */
static char *filter(const char *body, size_t len, char **keep, const char *path, char *failure) {
    struct buf out = {0};
    if (buf_add(&out, "", 0, MAX_KEPT) != 0) { snprintf(failure, ANTNODE_FAILURE_MAX, "out of memory"); return NULL; }
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(body + pos, '\n', len - pos);
        size_t end = nl ? (size_t) (nl - body) : len, content = end > pos && body[end - 1] == '\r' ? end - 1 : end;
        const char *line = body + pos;
        size_t n = content - pos;
        int take = n > 0 && (line[0] == '#' ? n == 5 && memcmp(line, "# EOF", 5) == 0 : kept(line, n, keep));
        if (take && (buf_add(&out, line, n, MAX_KEPT) != 0 || buf_add(&out, "\n", 1, MAX_KEPT) != 0)) {
            snprintf(failure, ANTNODE_FAILURE_MAX, "GET %s: kept lines larger than %d bytes", path, MAX_KEPT);
            free(out.data);
            return NULL;
        }
        pos = end + 1;
    }
    return out.data;
}

static char *read_filtered(int port, const char *path, char **keep, int timeout_ms, char *failure) {
    struct buf answer = {0};
    long len = fetch(port, path, timeout_ms, &answer, failure);
    char *kept_lines = len < 0 ? NULL : filter(answer.data, (size_t) len, keep, path, failure);
    free(answer.data);
    return kept_lines;
}

/* ---- all targets ------------------------------------------------------------------------------------- */

struct work {
    struct antnode_target *targets;
    size_t n;
    char **keep;
    int timeout_ms;
    size_t next;
};

static void *worker(void *arg) {
    struct work *w = arg;
    for (;;) {
        size_t i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED);
        if (i >= w->n) return NULL;
        struct antnode_target *t = &w->targets[i];
        t->metrics = read_filtered(t->port, "/metrics", w->keep, w->timeout_ms, t->failure);
        if (t->metrics) t->metadata = read_filtered(t->port, "/metadata", w->keep, w->timeout_ms, t->failure);
    }
}

void antnode_read_all(struct antnode_target *targets, size_t n, char **keep, int timeout_ms, int parallel) {
    struct work w = {targets, n, keep, timeout_ms, 0};
    size_t threads = n < (size_t) parallel ? n : (size_t) parallel;
    pthread_t ids[64];
    size_t started = 0;
    for (; started < threads && started < 64; started++)
        if (pthread_create(&ids[started], NULL, worker, &w) != 0) break;
    if (started == 0) worker(&w); /* no thread could start: read them one by one here */
    for (size_t i = 0; i < started; i++) pthread_join(ids[i], NULL);
}
