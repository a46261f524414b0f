package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// registry is the node registry file: compact JSON {"daemon","environment_variables","nat_status","nodes",
// "save_path"}, rewritten whole after every change the way the real tool does it (ant-service-management
// src/registry.rs:160-179): File::create (truncate) then one write, with no temporary file, so a reader can see
// an empty or half written file. An empty file loads as an empty registry (registry.rs:201-212).
type registry struct {
	path                 string
	nodes                []*node
	environmentVariables interface{}
	rest                 *object
}

func loadRegistry(path string) *registry {
	reg := &registry{path: path, rest: newObject()}
	text, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return reg
	}
	if err != nil {
		panic(fail("Could not read the node registry at %s: %v", path, err))
	}
	if len(text) == 0 {
		return reg
	}
	parsed, err := parseJSON(string(text))
	root, ok := parsed.(*object)
	if err == nil && !ok {
		err = errorText("the registry is not a JSON object")
	}
	if err != nil {
		panic(fail("Could not read the node registry at %s: %v", path, err))
	}
	if list, ok := root.get("nodes").([]interface{}); ok {
		for _, n := range list {
			fields, ok := n.(*object)
			if !ok {
				panic(fail("Could not read the node registry at %s: a registry node is not an object", path))
			}
			reg.nodes = append(reg.nodes, &node{fields})
		}
	}
	reg.environmentVariables = root.get("environment_variables")
	reg.rest = root
	return reg
}

type errorText string

func (e errorText) Error() string { return string(e) }

// nextNumber is the real tool's numbering: entries + 1, Removed entries included, so numbers are never reused.
func (r *registry) nextNumber() int { return len(r.nodes) + 1 }

func (r *registry) byName(serviceName string) *node {
	for _, n := range r.nodes {
		if n.serviceName() == serviceName {
			return n
		}
	}
	return nil
}

// reservedPorts are every port held by an entry, Removed ones included (contract §2, port checks).
func (r *registry) reservedPorts() map[int]bool {
	ports := map[int]bool{}
	for _, n := range r.nodes {
		for _, p := range n.ports() {
			ports[p] = true
		}
	}
	return ports
}

func (r *registry) toJSON() string {
	root := newObject()
	root.set("daemon", r.rest.get("daemon"))
	root.set("environment_variables", r.environmentVariables)
	root.set("nat_status", r.rest.get("nat_status"))
	list := []interface{}{}
	for _, n := range r.nodes {
		list = append(list, n.fields)
	}
	root.set("nodes", list)
	root.set("save_path", r.path)
	return writeJSON(root, false)
}

func (r *registry) save() {
	if err := os.MkdirAll(filepath.Dir(r.path), 0o777); err != nil {
		panic(fail("Could not save the node registry at %s: %v", r.path, err))
	}
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o666)
	if err == nil {
		_, err = f.WriteString(r.toJSON())
		if closeErr := f.Close(); err == nil {
			err = closeErr
		}
	}
	if err != nil {
		panic(fail("Could not save the node registry at %s: %v", r.path, err))
	}
}

func (r *registry) delete() {
	if err := os.Remove(r.path); err != nil && !os.IsNotExist(err) {
		panic(fail("Could not delete the node registry at %s: %v", r.path, err))
	}
}

// keyOrder is the schema-2 node entry's keys in the real tool's order (contract §4).
var keyOrder = []string{"alpha", "schema_version", "antnode_path", "auto_restart", "connected_peers",
	"data_dir_path", "evm_network", "initial_peers_config", "listen_addr", "log_dir_path", "log_format",
	"max_archived_log_files", "max_log_files", "metrics_port", "network_id", "node_ip", "node_port", "no_upnp",
	"number", "peer_id", "pid", "relay", "rewards_address", "reward_balance", "rpc_socket_addr", "service_name",
	"status", "user", "user_mode", "version", "write_older_cache_files"}

// The node statuses, exactly as the registry and status --json spell them (contract §4).
const (
	added   = "Added"
	running = "Running"
	stopped = "Stopped"
	removed = "Removed"
)

// node is one registry entry (schema version 2), kept as an ordered object so the JSON keys come out in the
// real tool's order and keys the stand-in does not know survive a rewrite.
type node struct{ fields *object }

// blankNode is a new entry with every schema-2 key present, in order, set to its default.
func blankNode(number int) *node {
	f := newObject()
	for _, k := range keyOrder {
		f.set(k, nil)
	}
	for _, k := range []string{"alpha", "auto_restart", "no_upnp", "relay", "user_mode", "write_older_cache_files"} {
		f.set(k, false)
	}
	f.set("schema_version", num(2))
	f.set("number", num(number))
	f.set("service_name", "antnode"+strconv.Itoa(number))
	f.set("status", added)
	peers := newObject()
	peers.set("first", false)
	peers.set("addrs", []interface{}{})
	peers.set("network_contacts_url", []interface{}{})
	peers.set("local", false)
	peers.set("ignore_cache", false)
	peers.set("bootstrap_cache_dir", nil)
	f.set("initial_peers_config", peers)
	return &node{f}
}

func num(n int) json.Number { return json.Number(strconv.Itoa(n)) }

func (n *node) set(key string, v interface{}) { n.fields.set(key, v) }

func (n *node) get(key string) interface{} { return n.fields.get(key) }

// text is the value as the registry shows it (a number's digits, a string itself); "" when null or absent.
func (n *node) text(key string) string {
	switch v := n.fields.get(key).(type) {
	case string:
		return v
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// integer is a numeric value; ok is false when it is null, absent or not a number.
func (n *node) integer(key string) (int, bool) {
	v, ok := n.fields.get(key).(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseFloat(string(v), 64)
	return int(i), err == nil
}

func (n *node) flag(key string) bool { b, _ := n.fields.get(key).(bool); return b }

func (n *node) serviceName() string { return n.text("service_name") }

func (n *node) number() int { i, _ := n.integer("number"); return i }

func (n *node) status() string { return n.text("status") }

func (n *node) setStatus(s string) { n.set("status", s) }

func (n *node) pid() int { p, _ := n.integer("pid"); return p }

// ports are the node, metrics and rpc ports this entry holds; Removed entries keep them reserved.
func (n *node) ports() []int {
	var ports []int
	for _, k := range []string{"node_port", "metrics_port"} {
		if p, ok := n.integer(k); ok {
			ports = append(ports, p)
		}
	}
	if rpc, ok := n.rpcPort(); ok {
		ports = append(ports, rpc)
	}
	return ports
}

func (n *node) rpcPort() (int, bool) {
	addr := n.text("rpc_socket_addr")
	colon := strings.LastIndex(addr, ":")
	if colon < 0 {
		return 0, false
	}
	p, err := strconv.Atoi(addr[colon+1:])
	return p, err == nil
}

// markStopped forgets the process: what stop and a liveness refresh do to a node that is gone.
func (n *node) markStopped() {
	n.setStatus(stopped)
	n.set("pid", nil)
	n.set("connected_peers", nil)
}
