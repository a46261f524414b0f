/* The stand-in's self-upgrade (a test hook, not upstream behaviour: §7 "Minimum faithful stand-ins").
 * Upstream polls GitHub about hourly (§5.4); here a file <root>/standin-upgrade holding a version X.Y.Z
 * starts the same apply steps as AN: src/upgrade/apply.rs:158-282, with the release binary taken from
 * $ANT_STANDIN_RELEASES/<X.Y.Z>/ant-node (default /opt/ant-node, the same release dir the ant stand-in
 * "downloads" from) instead of a verified download:
 *   refuse downgrades (:165) -> the binary at argv[0], canonicalised (:98-135) -> a 0700 temp dir
 *   ant-upgrade-XXXXXX beside it (:184-199) -> skip the replace if the disk binary already reports X.Y.Z
 *   (:218-231) -> copy to <bin>.backup (:234-246) -> chmod as the old file and rename over it (:571-582)
 *   -> prepare_restart (:629-672): with --stop-on-upgrade exit 0 after a graceful shutdown; without it
 *   spawn the new binary with the same args first, then exit 0. */
#include "ant_node.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define TARGET "ant_node::upgrade::apply"

/* semver order for X.Y.Z[-pre]: numeric fields, then a pre-release sorts before the release. */
int version_cmp(const char *a, const char *b) {
    for (int i = 0; i < 3; i++) {
        char *ea, *eb;
        long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
        if (x != y) return x < y ? -1 : 1;
        a = *ea == '.' ? ea + 1 : ea;
        b = *eb == '.' ? eb + 1 : eb;
    }
    if (*a == '-' && *b != '-') return -1;
    if (*a != '-' && *b == '-') return 1;
    return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

static int copy_file(const char *from, const char *to, mode_t mode) {
    int in = open(from, O_RDONLY), out = in < 0 ? -1 : open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);
    char buf[65536];
    ssize_t n = 0;
    while (out >= 0 && (n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, (size_t) n) != n) { n = -1; break; }
    }
    if (in >= 0) close(in);
    if (out >= 0 && close(out) != 0) n = -1;
    return in < 0 || out < 0 || n < 0 ? -1 : 0;
}

/* `<bin> --version` with the "ant-node " prefix stripped (on_disk_version, apply.rs:686-700). */
static int disk_version(const char *bin, char *out, size_t size) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        execl(bin, bin, "--version", (char *) NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[256] = "";
    ssize_t n = pid > 0 ? read(fds[0], buf, sizeof buf - 1) : -1;
    close(fds[0]);
    if (pid > 0) waitpid(pid, NULL, 0);
    if (n <= 0 || strncmp(buf, "ant-node ", 9) != 0) return -1;
    buf[n] = 0;
    buf[strcspn(buf, "\n")] = 0;
    snprintf(out, size, "%s", buf + 9);
    return 0;
}

static int prepare_restart(const struct config *cfg, const char *bin, void (*before_spawn)(void)) {
    if (cfg->stop_on_upgrade) {
        log_event(L_INFO, TARGET, NULL, "Service manager mode: will exit with code 0 after graceful shutdown");
        return 1;
    }
    char args[8192] = "[";
    for (char **a = cfg->argv + 1; *a; a++) {
        snprintf(args + strlen(args), sizeof args - strlen(args), "%s\"%s\"", a == cfg->argv + 1 ? "" : ", ", *a);
    }
    strncat(args, "]", sizeof args - strlen(args) - 1);
    log_event(L_INFO, TARGET, NULL, "Spawning new process: %s %s", bin, args);
    before_spawn(); /* the stand-in frees its UDP port first; upstream's race here is not reproduced */
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, 0);
        cfg->argv[0] = (char *) bin;
        execv(bin, cfg->argv);
        _exit(127);
    }
    if (pid < 0) {
        log_event(L_WARN, "ant_node::node", NULL, "Upgrade failed: upgrade error: Failed to spawn new binary: %s", strerror(errno));
        return 0;
    }
    log_event(L_INFO, TARGET, NULL, "New process spawned, will exit after graceful shutdown");
    return 1;
}

int upgrade_apply(const struct config *cfg, const char *version, void (*before_spawn)(void)) {
    log_event(L_INFO, TARGET, NULL, "Starting auto-apply upgrade from %s to %s", ANT_NODE_VERSION, version);
    if (version_cmp(version, ANT_NODE_VERSION) <= 0) {
        log_event(L_WARN, TARGET, NULL, "Ignoring downgrade attempt: %s -> %s", ANT_NODE_VERSION, version);
        return 0;
    }
    char bin[PATH_MAX], dir[PATH_MAX], release[PATH_MAX], tmpdir[PATH_MAX + 32], staged[PATH_MAX + 64];
    if (!realpath(cfg->argv[0], bin) && readlink("/proc/self/exe", bin, sizeof bin - 1) < 0) return 0;
    snprintf(dir, sizeof dir, "%s", bin);
    *strrchr(dir, '/') = 0;
    const char *releases = getenv("ANT_STANDIN_RELEASES");
    snprintf(release, sizeof release, "%s/%s/ant-node", releases && *releases ? releases : "/opt/ant-node", version);
    snprintf(tmpdir, sizeof tmpdir, "%s/ant-upgrade-XXXXXX", dir);
    if (!mkdtemp(tmpdir)) {
        log_event(L_WARN, "ant_node::node", NULL, "Upgrade failed: upgrade error: Failed to create temp dir: %s", strerror(errno));
        return 0;
    }
    snprintf(staged, sizeof staged, "%s/ant-node", tmpdir);
    char on_disk[64];
    int result = 0;
    if (copy_file(release, staged, 0755) != 0) {
        log_event(L_WARN, TARGET, NULL, "Download/verify/extract failed: no stand-in release at %s", release);
        log_event(L_WARN, "ant_node::node", NULL, "Error during upgrade process: no stand-in release at %s", release);
    } else if (disk_version(bin, on_disk, sizeof on_disk) == 0 && strcmp(on_disk, version) == 0) {
        log_event(L_INFO, TARGET, NULL, "Binary already upgraded to %s by another service, skipping replacement", version);
        result = prepare_restart(cfg, bin, before_spawn);
    } else {
        char backup[PATH_MAX + 16];
        struct stat st;
        snprintf(backup, sizeof backup, "%s.backup", bin);
        log_event(L_INFO, TARGET, NULL, "Creating backup at %s...", backup);
        log_event(L_INFO, TARGET, NULL, "Replacing binary...");
        if (stat(bin, &st) != 0 || copy_file(bin, backup, st.st_mode & 07777) != 0
            || chmod(staged, st.st_mode & 07777) != 0 || rename(staged, bin) != 0) {
            log_event(L_WARN, TARGET, NULL, "Binary replacement failed: %s", strerror(errno));
        } else {
            log_event(L_INFO, TARGET, NULL, "Successfully upgraded to version %s! Restarting...", version);
            result = prepare_restart(cfg, bin, before_spawn);
        }
    }
    unlink(staged);
    rmdir(tmpdir);
    if (result) log_event(L_INFO, "ant_node::node", NULL, "Upgrade to %s successful, initiating graceful shutdown", version);
    return result;
}
