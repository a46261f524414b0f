/* node_identity.key and the root dir (AN: src/node.rs:237-333, resolve_identity / load_or_generate_identity).
 * The file is serde_json::to_string_pretty of IdentityData {secret_key: Vec<u8>, public_key: Vec<u8>}
 * (saorsa-core src/identity/node_identity.rs, save_to_file/export): one integer per line, 2-space indent,
 * no trailing newline. The peer id is the lower-case hex of BLAKE3(public_key) (peer_id_from_public_key, §5.6).
 * The stand-in's keys are random bytes of the ML-DSA-65 sizes, not real key pairs (README). */
#include "ant_node.h"
#include "blake3.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECRET_LEN 4032
#define PUBLIC_LEN 1952

static void peer_hex_of(const unsigned char *pub, char hex[65]) {
    unsigned char h[32];
    blake3_256(pub, PUBLIC_LEN, h);
    for (int i = 0; i < 32; i++) sprintf(hex + 2 * i, "%02x", h[i]);
}

static void put_array(FILE *f, const char *name, const unsigned char *b, size_t n, int last) {
    fprintf(f, "  \"%s\": [\n", name);
    for (size_t i = 0; i < n; i++) fprintf(f, "    %u%s\n", b[i], i + 1 < n ? "," : "");
    fprintf(f, "  ]%s\n", last ? "" : ",");
}

static void generate(const char *dir, char hex_out[65], int hex_named_dir, char *root_out, size_t size) {
    unsigned char sk[SECRET_LEN], pk[PUBLIC_LEN];
    int r = open("/dev/urandom", O_RDONLY);
    if (r < 0 || read(r, sk, sizeof sk) != (ssize_t) sizeof sk || read(r, pk, sizeof pk) != (ssize_t) sizeof pk)
        fail("node startup failed: Failed to generate node identity: no randomness");
    close(r);
    peer_hex_of(pk, hex_out);
    if (hex_named_dir) snprintf(root_out, size, "%s/%s", dir, hex_out); /* <D>/nodes/<peer id> (src/node.rs:264) */
    else snprintf(root_out, size, "%s", dir);
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/node_identity.key", root_out);
    if (mkdirs(root_out, 0755) != 0)
        fail("node startup failed: Failed to save node identity: Failed to create directory: %s", strerror(errno));
    snprintf(tmp, sizeof tmp, "%s.standin-tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) fail("node startup failed: Failed to save node identity: Failed to write identity file: %s", strerror(errno));
    fputs("{\n", f);
    put_array(f, "secret_key", sk, SECRET_LEN, 0);
    put_array(f, "public_key", pk, PUBLIC_LEN, 1);
    fputs("}", f);
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        fail("node startup failed: Failed to save node identity: Failed to write identity file: %s", strerror(errno));
}

/* Reads one "name": [ints] array of exactly n bytes; 0 on any mismatch. */
static int get_array(const char *json, const char *name, unsigned char *b, size_t n) {
    char key[64];
    snprintf(key, sizeof key, "\"%s\"", name);
    const char *p = strstr(json, key);
    if (!p || !(p = strchr(p + strlen(key), '['))) return 0;
    p++;
    size_t i = 0;
    for (;;) {
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
        if (*p == ']') break;
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v > 255 || i >= n) return 0;
        b[i++] = (unsigned char) v;
        p = end;
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
        if (*p == ',') p++;
    }
    return i == n;
}

static void load(const char *dir, char hex_out[65]) {
    char path[4200];
    snprintf(path, sizeof path, "%s/node_identity.key", dir);
    FILE *f = fopen(path, "r");
    if (!f) fail("node startup failed: Failed to load node identity: Failed to read identity file: %s", strerror(errno));
    static char json[64 * 1024];
    size_t n = fread(json, 1, sizeof json - 1, f);
    fclose(f);
    json[n] = 0;
    static unsigned char sk[SECRET_LEN], pk[PUBLIC_LEN];
    if (!get_array(json, "secret_key", sk, SECRET_LEN))
        fail("node startup failed: Failed to load node identity: Invalid ML-DSA secret key");
    if (!get_array(json, "public_key", pk, PUBLIC_LEN))
        fail("node startup failed: Failed to load node identity: Invalid ML-DSA public key");
    peer_hex_of(pk, hex_out);
}

/* directories::ProjectDirs::from("", "", "ant").data_dir(): $XDG_DATA_HOME/ant (when absolute), else
 * $HOME/.local/share/ant; -1 without a HOME. */
int platform_data_dir(char *out, size_t size) {
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/') snprintf(out, size, "%s/ant", xdg);
    else if (home && home[0] == '/') snprintf(out, size, "%s/.local/share/ant", home);
    else return -1;
    return 0;
}

/* The platform data dir, or ".ant" without one (AN: src/config.rs:367). */
static void default_root_dir(char *out, size_t size) {
    if (platform_data_dir(out, size) != 0) snprintf(out, size, ".ant");
}

/* PathBuf equality compares components: "a//b/" equals "a/b". */
static void normalise(const char *in, char *out, size_t size) {
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < size; p++) {
        if (*p == '/' && o > 0 && out[o - 1] == '/') continue;
        out[o++] = *p;
    }
    while (o > 1 && out[o - 1] == '/') o--;
    out[o] = 0;
}

void identity_resolve(struct config *cfg, char *root_out, size_t size, char peer_hex[65]) {
    char def[4096], given[4096], key[4600];
    default_root_dir(def, sizeof def);
    normalise(cfg->root_dir ? cfg->root_dir : def, given, sizeof given);
    normalise(def, def, sizeof def);
    if (strcmp(given, def) != 0) { /* any other --root-dir: load <root>/node_identity.key or generate one there */
        snprintf(root_out, size, "%s", given);
        snprintf(key, sizeof key, "%s/node_identity.key", given);
        if (path_exists(key)) load(given, peer_hex);
        else generate(given, peer_hex, 0, root_out, size);
        return;
    }
    /* The platform default: scan <D>/nodes/<x>/node_identity.key (src/node.rs:250-296). */
    char nodes[4200], found[16][1024];
    int n = 0;
    snprintf(nodes, sizeof nodes, "%s/nodes", def);
    DIR *d = opendir(nodes);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        snprintf(key, sizeof key, "%s/%s/node_identity.key", nodes, e->d_name);
        if (path_exists(key) && n < 16) snprintf(found[n++], sizeof found[0], "%s", e->d_name);
    }
    if (d) closedir(d);
    if (n == 0) {
        generate(nodes, peer_hex, 1, root_out, size);
    } else if (n == 1) {
        snprintf(root_out, size, "%s/%s", nodes, found[0]);
        load(root_out, peer_hex);
    } else {
        char list[4096] = "";
        for (int i = 0; i < n; i++) {
            strncat(list, found[i], sizeof list - strlen(list) - 3);
            if (i + 1 < n) strcat(list, ", ");
        }
        fail("configuration error: Multiple node identities found at %s: [%s]. Specify --root-dir to select one.", nodes, list);
    }
}
