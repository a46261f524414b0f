/* Runtime errors: main() returns color_eyre::Result, so a failure prints a color-eyre report on stderr and
 * exits 1 (AN: src/bin/ant-node/main.rs:99-163, §5.3). color-eyre colours the report even when stderr is
 * not a terminal (eyre-rs/eyre#237), with its default dark theme: the message bright red, the location
 * magenta. The Location and backtrace lines are color-eyre 0.6's layout (inferred, not run). */
#include "ant_node.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where eyre captured the error (#[track_caller]): the `?` in main.rs that turned an ant_node::Error into a
 * Report (build :158, run :159), or the line in cli.rs for errors of into_config. */
const char *error_location = "src/bin/ant-node/main.rs:158";

void fail(const char *fmt, ...) {
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log_event(L_ERROR, "ant_node", NULL, "%s", msg);
    const char *colon = strrchr(error_location, ':');
    fprintf(stderr,
            "Error: \n   0: \x1b[91m%s\x1b[0m\n\nLocation:\n   \x1b[35m%.*s\x1b[0m:\x1b[35m%s\x1b[0m\n\n"
            "Backtrace omitted. Run with RUST_BACKTRACE=1 environment variable to display it.\n"
            "Run with RUST_BACKTRACE=full to include source snippets.\n",
            msg, (int) (colon - error_location), error_location, colon + 1);
    exit(1);
}
