package main

import (
	"os"
	"path/filepath"
	"strings"
)

// refresh is what status --json refreshes (lib.rs:622 refresh_node_registry with full_refresh=false): process
// liveness only, plus a simulated self-upgrade. It saves if anything changed.
func refresh(c *ctx, reg *registry) bool {
	changed := false
	for _, n := range reg.nodes {
		if n.status() == running && !isAlive(n.pid(), n.text("antnode_path")) {
			n.markStopped()
			changed = true
		}
		if selfUpgrade(c, reg, n) {
			changed = true
		}
	}
	if changed {
		reg.save()
	}
	return changed
}

// fullRefresh is the refresh that start, stop, remove, upgrade, reset and the table status run first
// (full_refresh=true): liveness, then every running node is asked over RPC for its node and network info
// (ant-service-management src/node/mod.rs:201-222, one attempt each: lib.rs:658). One node that does not answer
// aborts the whole command with the RPC error, which names the endpoint, not the node (ant-service-management
// src/error.rs:34-37).
func fullRefresh(c *ctx, reg *registry) {
	refresh(c, reg)
	for _, n := range reg.nodes {
		if n.status() != running {
			continue
		}
		port, _ := n.rpcPort()
		switch probeAsk(port, "/metadata") {
		case refused:
			panic(fail("Could not connect to RPC endpoint 'https://%s'", n.text("rpc_socket_addr")))
		case silent:
			panic(fail("Could not obtain node info through RPC: status: Cancelled, message: \"Timeout expired\", " +
				"details: [], metadata: MetadataMap { headers: {} }"))
		}
	}
}

// selfUpgradeTrigger names the file that simulates an antnode self-upgrade. The real antnode 0.4.x checks for a
// release about every 72 h (±5 %), replaces its own binary and restarts (or stops, with --stop-on-upgrade, and
// its service manager restarts it): ant-node src/bin/antnode/main.rs:494-530. The next refresh then finds the
// node under a new pid (lib.rs:682-716) and reads the version from the running binary (ant-service-management
// src/node/mod.rs:265-291), with no antctl command in between. Trigger: this file in a running node's data dir,
// holding the version to move to (one of the stand-in's "downloadable" versions); the next command that
// refreshes does the replacement and restart.
const selfUpgradeTrigger = "self-upgrade"

// selfUpgrade returns true when the node moved to a new version and pid.
func selfUpgrade(c *ctx, reg *registry, n *node) bool {
	trigger := filepath.Join(n.text("data_dir_path"), selfUpgradeTrigger)
	if n.status() != running {
		return false
	}
	text, err := os.ReadFile(trigger)
	if os.IsNotExist(err) {
		return false
	}
	if err == nil {
		err = os.Remove(trigger)
	}
	if err != nil {
		panic(fail("The stand-in could not simulate the self-upgrade of %s: %v", n.serviceName(), err))
	}
	version := strings.TrimSpace(string(text))
	binary := filepath.Join(c.env.distDir, version, "antnode")
	if !executable(binary) {
		return false
	}
	terminate(n.pid(), n.text("antnode_path"))
	n.markStopped()
	if err := installBinary(binary, n.text("antnode_path")); err != nil {
		panic(fail("The stand-in could not simulate the self-upgrade of %s: %v", n.serviceName(), err))
	}
	n.set("version", version)
	startNode(reg, n, false, 0)
	return true
}

// selectNodes is the targeting shared by start, stop, remove, upgrade and balance: --service-name and --peer-id
// (each repeatable); none = every node that is not Removed. An unknown or Removed name aborts before any work
// (contract §3).
func selectNodes(reg *registry, p *parsedArgs) []*node {
	var selected []*node
	addOnce := func(n *node) {
		for _, s := range selected {
			if s == n {
				return
			}
		}
		selected = append(selected, n)
	}
	for _, name := range p.values("service-name") {
		n := reg.byName(name)
		if n == nil || n.status() == removed {
			panic(fail("No service named '%s'", name))
		}
		addOnce(n)
	}
	for _, peerID := range p.values("peer-id") {
		var found *node
		for _, n := range reg.nodes {
			if found == nil && n.text("peer_id") == peerID && n.status() != removed {
				found = n
			}
		}
		if found == nil {
			panic(fail("Could not find node with peer id '%s'", peerID))
		}
		addOnce(found)
	}
	if len(p.values("service-name")) == 0 && len(p.values("peer-id")) == 0 {
		for _, n := range reg.nodes {
			if n.status() != removed {
				selected = append(selected, n)
			}
		}
	}
	return selected
}
