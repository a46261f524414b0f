/* BLAKE3-256 of a byte buffer (hash mode only): the content address of a chunk (AN: src/storage/lmdb.rs:506,
 * ant_node::compute_address) and the peer id = BLAKE3(public key) (saorsa-core src/identity/node_identity.rs,
 * peer_id_from_public_key). Checked against Debian's b3sum in the module's ITs. */
#ifndef ANT_NODE_BLAKE3_H
#define ANT_NODE_BLAKE3_H
#include <stddef.h>
#include <stdint.h>

void blake3_256(const uint8_t *in, size_t len, uint8_t out[32]);

#endif
