/* Value parsing for cli.c, with the messages Rust's FromStr and clap give (see values.c). */
#ifndef ANT_NODE_VALUES_H
#define ANT_NODE_VALUES_H

double jaro(const char *a, const char *b);
const char *parse_int(const char *v, unsigned long long max, int ranged, unsigned long long *out);
int valid_socket_addr(const char *v);
int in_choices(const char *choices, const char *v);

#endif
