/* The value parsers behind ant-node's clap arguments (AN: src/bin/ant-node/cli.rs, clap 4.6): integers as
 * Rust's FromStr reports them (u16 through clap's RangedI64ValueParser, "{v} is not in 0..=65535"),
 * std::net::SocketAddr ("invalid socket address syntax"), value enums, and strsim::jaro for clap's
 * "a similar argument exists" tip. */
#include "values.h"
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

/* strsim::jaro, which clap's suggestions use with a 0.7 threshold (clap_builder parser/features/suggestions.rs). */
double jaro(const char *a, const char *b) {
    int la = (int) strlen(a), lb = (int) strlen(b);
    if (la == 0 && lb == 0) return 1.0;
    if (la == 0 || lb == 0) return 0.0;
    int window = (la > lb ? la : lb) / 2 - 1;
    if (window < 0) window = 0;
    char ma[256] = {0}, mb[256] = {0};
    if (la > 255 || lb > 255) return 0.0;
    int m = 0;
    for (int i = 0; i < la; i++) {
        int lo = i - window < 0 ? 0 : i - window, hi = i + window + 1 > lb ? lb : i + window + 1;
        for (int j = lo; j < hi; j++) {
            if (!mb[j] && a[i] == b[j]) { ma[i] = mb[j] = 1; m++; break; }
        }
    }
    if (m == 0) return 0.0;
    int t = 0, k = 0;
    for (int i = 0; i < la; i++) {
        if (!ma[i]) continue;
        while (!mb[k]) k++;
        if (a[i] != b[k]) t++;
        k++;
    }
    return ((double) m / la + (double) m / lb + (m - t / 2.0) / m) / 3.0;
}

/* Rust's integer FromStr messages, as clap reports them. */
const char *parse_int(const char *v, unsigned long long max, int ranged, unsigned long long *out) {
    static char why[96];
    const char *p = v;
    int neg = 0;
    if (*p == '+' || (ranged && *p == '-')) neg = *p++ == '-';
    if (*v == 0 || (*p == 0 && p != v)) return *v == 0 ? "cannot parse integer from empty string" : "invalid digit found in string";
    unsigned long long n = 0;
    int overflow = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return "invalid digit found in string";
        if (n > (~0ULL - 9) / 10) overflow = 1;
        else n = n * 10 + (unsigned) (*p - '0');
    }
    if (ranged) { /* value_parser!(u16) = RangedI64ValueParser: parse as i64, then "{v} is not in 0..=65535" */
        if (overflow || n > 9223372036854775807ULL) return "number too large to fit in target type";
        if (neg || n > max) {
            snprintf(why, sizeof why, "%s%llu is not in 0..=%llu", neg && n ? "-" : "", n, max);
            return why;
        }
    } else if (overflow || n > max) {
        return "number too large to fit in target type";
    }
    *out = n;
    return NULL;
}

int valid_socket_addr(const char *v) {
    char host[128];
    const char *colon;
    unsigned char buf[16];
    if (v[0] == '[') {
        const char *end = strchr(v, ']');
        if (!end || end[1] != ':' || (size_t) (end - v - 1) >= sizeof host) return 0;
        memcpy(host, v + 1, (size_t) (end - v - 1));
        host[end - v - 1] = 0;
        colon = end + 1;
        if (inet_pton(AF_INET6, host, buf) != 1) return 0;
    } else {
        colon = strrchr(v, ':');
        if (!colon || (size_t) (colon - v) >= sizeof host) return 0;
        memcpy(host, v, (size_t) (colon - v));
        host[colon - v] = 0;
        if (inet_pton(AF_INET, host, buf) != 1) return 0;
    }
    unsigned long long port;
    const char *p = colon + 1;
    if (*p == 0 || *p == '+') return 0;
    return parse_int(p, 65535, 0, &port) == NULL;
}

int in_choices(const char *choices, const char *v) {
    size_t n = strlen(v);
    for (const char *c = choices; c && *c;) {
        const char *end = strchr(c, ',');
        size_t len = end ? (size_t) (end - c) : strlen(c);
        if (len == n && strncmp(c, v, n) == 0) return 1;
        c = end ? end + 1 : c + len;
    }
    return 0;
}

