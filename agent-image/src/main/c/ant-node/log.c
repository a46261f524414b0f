/* Logging as AN: src/bin/ant-node/main.rs:29-89 sets it up: nothing at all without --enable-logging (§5.3);
 * with it, tracing-subscriber's fmt layer filtered at --log-level (RUST_LOG), to stdout, or with --log-dir to
 * <dir>/ant-node.YYYY-MM-DD.log (daily, no ANSI). Line layout (inferred from tracing-subscriber's Full format):
 *   2026-12-06T12:00:00.123456Z  INFO ant_node::node: Node is running on port: 12000 port=12000
 * --log-format json gives flattened JSON lines. The stand-in writes no ANSI to stdout either, keeps one file
 * per day and does not prune old files (--log-max-files is parsed only). */
#include "ant_node.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static int enabled = 0, json = 0;
static enum level max_level = L_INFO;
static const char *dir = NULL;
static FILE *out = NULL;
static char out_day[16];

static const char *const NAMES[] = {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"};

void log_init(const struct config *cfg) {
    if (!cfg->enable_logging) return;
    enabled = 1;
    json = strcmp(cfg->log_format, "json") == 0;
    for (int i = 0; i < 5; i++) {
        char lower[8];
        for (int k = 0; k < 6; k++) lower[k] = (char) (NAMES[i][k] | (NAMES[i][k] ? 0x20 : 0));
        if (strcmp(lower, cfg->log_level) == 0) max_level = (enum level) i;
    }
    dir = cfg->log_dir;
    if (dir && mkdirs(dir, 0755) != 0) fail("Failed to create log directory %s", dir);
}

/* The file for today's date (UTC), reopened when the day changes. */
static FILE *sink(const struct tm *tm) {
    if (!dir) return stdout;
    char day[16];
    strftime(day, sizeof day, "%Y-%m-%d", tm);
    if (out && strcmp(day, out_day) == 0) return out;
    if (out) fclose(out);
    char path[4096];
    snprintf(path, sizeof path, "%s/ant-node.%s.log", dir, day);
    out = fopen(path, "a");
    snprintf(out_day, sizeof out_day, "%s", day);
    return out;
}

static void json_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fprintf(f, "\\%c", *s);
        else if ((unsigned char) *s < 0x20) fprintf(f, "\\u%04x", *s);
        else fputc(*s, f);
    }
    fputc('"', f);
}

/* fields: tracing's key=value pairs after the message, e.g. "port=12000" (text form; in JSON each pair
 * becomes a member, values kept as strings unless numeric). */
void log_event(enum level lvl, const char *target, const char *fields, const char *fmt, ...) {
    if (!enabled || lvl > max_level) return;
    char msg[2048], ts[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    gmtime_r(&tv.tv_sec, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
    FILE *f = sink(&tm);
    if (!f) return;
    if (!json) {
        fprintf(f, "%s.%06ldZ %5s %s: %s%s%s\n", ts, (long) tv.tv_usec, NAMES[lvl], target, msg,
                fields ? " " : "", fields ? fields : "");
    } else {
        fprintf(f, "{\"timestamp\":\"%s.%06ldZ\",\"level\":\"%s\",\"message\":", ts, (long) tv.tv_usec, NAMES[lvl]);
        json_string(f, msg);
        char copy[2048];
        snprintf(copy, sizeof copy, "%s", fields ? fields : "");
        for (char *save = NULL, *kv = strtok_r(copy, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
            char *eq = strchr(kv, '=');
            if (!eq) continue;
            *eq = 0;
            fprintf(f, ",\"%s\":", kv);
            const char *v = eq + 1;
            size_t n = strlen(v);
            if (n && strspn(v, "0123456789") == n) {
                fputs(v, f);
            } else {
                char unq[1024];
                snprintf(unq, sizeof unq, "%.*s", (int) (n >= 2 && v[0] == '"' ? n - 2 : n), v[0] == '"' ? v + 1 : v);
                json_string(f, unq);
            }
        }
        fprintf(f, ",\"target\":\"%s\"}\n", target);
    }
    fflush(f);
}
