/*
 * PID 1 of the agent image. A container must stay up with no command so antfleet can `docker exec`
 * into it, and nodes started by antctl outlive the exec that started them: they are re-parented to
 * PID 1, which must reap them or they linger as zombies (and would look alive to a naive pid check).
 * SIGTERM/SIGINT (docker stop) are forwarded to every process first, so nodes exit cleanly.
 *
 * With arguments, runs them as a child and exits with its status; without, waits for a signal.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t child = -1;
static int child_status = 0;

static int reap_all(void) {
    int status, reaped = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        reaped++;
        if (pid == child) {
            child_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            child = 0;
        }
    }
    return reaped;
}

static void shutdown_all(int sig) {
    kill(-1, sig);
    struct timespec tick = {0, 50 * 1000 * 1000};
    for (int i = 0; i < 200; i++) { /* up to 10 s for a clean exit */
        reap_all();
        if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD) return;
        nanosleep(&tick, NULL);
    }
    kill(-1, SIGKILL);
    while (waitpid(-1, NULL, 0) > 0) { }
}

int main(int argc, char **argv) {
    sigset_t set;
    sigfillset(&set);
    sigprocmask(SIG_BLOCK, &set, NULL);

    if (argc > 1) {
        child = fork();
        if (child < 0) { perror("init: fork"); return 1; }
        if (child == 0) {
            sigprocmask(SIG_UNBLOCK, &set, NULL);
            execvp(argv[1], argv + 1);
            perror("init: exec");
            _exit(127);
        }
    }
    for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) continue;
        if (sig == SIGCHLD) {
            reap_all();
            if (child == 0) { shutdown_all(SIGTERM); return child_status; }
        } else if (sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) {
            shutdown_all(sig == SIGQUIT ? SIGTERM : sig);
            return 0;
        }
    }
}
