/**
 * The {@code ant node} 0.2 node manager (Autonomi v2, docs/contracts/ant-v2-contract.md): {@link AntManager}
 * drives the {@code ant} CLI and the daemon's 127.0.0.1 REST API inside a container, through
 * {@code docker exec} with argument lists only, every call bounded.
 */
package io.antfleet.ant;
