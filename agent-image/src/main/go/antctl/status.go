package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// runStatus is `antctl status`: nothing at all for an empty registry; --json is the pretty {nodes, daemon}
// object (contract §4). damage is the scripted `status json=truncated|malformed` fault.
func runStatus(c *ctx, p *parsedArgs, damage string) int {
	reg := loadRegistry(c.env.registryPath())
	if len(reg.nodes) == 0 {
		return 0
	}
	if p.has("json") {
		// lib.rs:379 refreshes fully only without --json; cmd/node.rs:376-391 saves the registry on every call
		refresh(c, reg)
		reg.save()
		c.println(damaged(statusJSON(reg), damage))
	} else {
		fullRefresh(c, reg)
		reg.save()
		if p.has("details") {
			details(c, reg)
		} else {
			table(c, reg)
		}
	}
	if p.has("fail") {
		for _, n := range reg.nodes {
			if n.status() != running {
				panic(fail("One or more nodes are not in a running state"))
			}
		}
	}
	return 0
}

func statusJSON(reg *registry) string {
	root := newObject()
	list := []interface{}{}
	for _, n := range reg.nodes {
		list = append(list, n.fields)
	}
	root.set("nodes", list)
	root.set("daemon", nil)
	return writeJSON(root, true)
}

func damaged(json, damage string) string {
	switch damage {
	case "truncated":
		runes := []rune(json)
		return string(runes[:len(runes)/2])
	case "malformed":
		return strings.Replace(json, `"nodes": [`, `"nodes": [ {"service_name": antnode, `, 1)
	}
	return json
}

// tableFormat is lib.rs:446-478: fixed-width columns, connected peers right-aligned.
const tableFormat = "%-18s %-52s %-7s %15s %s\n"

// table prints the human table; Removed nodes are hidden.
func table(c *ctx, reg *registry) {
	c.banner("Antnode Services")
	c.printf(tableFormat, "Service Name", "Peer ID", "Status", "Connected Peers", "Failure")
	for _, n := range reg.nodes {
		if n.status() == removed {
			continue
		}
		reason := "-"
		if n.status() == stopped {
			if f, ok := failureReason(n); ok {
				reason = f
			}
		}
		c.printf(tableFormat, n.serviceName(), orDash(n.text("peer_id")), strings.ToUpper(n.status()),
			connectedPeers(n), reason)
	}
}

// details is lib.rs:392-433: one banner per node, then its fields.
func details(c *ctx, reg *registry) {
	for _, n := range reg.nodes {
		c.banner(n.serviceName() + " - " + strings.ToUpper(n.status()))
		c.println("Version: " + n.text("version"))
		c.println("Peer ID: " + orDash(n.text("peer_id")))
		c.println("RPC Socket: " + n.text("rpc_socket_addr"))
		if listen, ok := n.get("listen_addr").([]interface{}); ok {
			var addrs []string
			for _, a := range listen {
				addrs = append(addrs, jsonText(a))
			}
			c.println("Listen Addresses: Some([" + strings.Join(addrs, ", ") + "])")
		} else {
			c.println("Listen Addresses: None")
		}
		c.println("PID: " + orDash(n.text("pid")))
		if n.status() == stopped {
			if f, ok := failureReason(n); ok {
				c.println("Failure reason: " + f)
			}
		}
		c.println("Data path: " + n.text("data_dir_path"))
		c.println("Log path: " + n.text("log_dir_path"))
		c.println("Bin path: " + n.text("antnode_path"))
		c.println("Connected peers: " + connectedPeers(n))
		c.println("Reward balance: -")
		c.println("Rewards address: " + n.text("rewards_address"))
		c.println()
	}
}

func connectedPeers(n *node) string {
	if peers, ok := n.get("connected_peers").([]interface{}); ok {
		return strconv.Itoa(len(peers))
	}
	return "-"
}

func jsonText(v interface{}) string {
	if s, ok := v.(string); ok {
		return s
	}
	return writeJSON(v, false)
}

func orDash(v string) string {
	if v == "" {
		return "-"
	}
	return v
}

// failureReason is the reason in the node's critical_failure.log (`[<time>] Node terminated due to: <reason>`,
// contract §6).
func failureReason(n *node) (string, bool) {
	text, err := os.ReadFile(filepath.Join(n.text("log_dir_path"), "critical_failure.log"))
	if err != nil {
		return "", false
	}
	t := strings.TrimSpace(string(text))
	if i := strings.Index(t, "] "); i >= 0 {
		return t[i+2:], true
	}
	return t, true
}
