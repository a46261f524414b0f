package main

// Paths, the node registry and its lock (§4; AC: ant-core/src/config.rs, ant-core/src/node/registry.rs,
// ant-core/src/node/types.rs).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
)

// dataDir is <D>: $XDG_DATA_HOME/ant, else $HOME/.local/share/ant (AC: ant-core/src/config.rs:11-24).
// Without HOME the real tool panics in `DaemonConfig::default()` (exit 101, §4.1).
func dataDir() string {
	if x, ok := os.LookupEnv("XDG_DATA_HOME"); ok {
		return filepath.Join(x, "ant")
	}
	home, ok := os.LookupEnv("HOME")
	if !ok {
		os.Stderr.WriteString("thread 'main' panicked at ant-core/src/config.rs:21:49:\n" +
			"called `Result::unwrap()` on an `Err` value: HomeDirNotFound\n" +
			"note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n")
		os.Exit(101)
	}
	return filepath.Join(home, ".local", "share", "ant")
}

// files are the daemon's paths (AC: ant-core/src/node/types.rs:27-40, DaemonConfig::default).
type files struct{ dir, registry, lock, portFile, pidFile string }

func defaultFiles() files {
	d := dataDir()
	return files{dir: d, registry: filepath.Join(d, "node_registry.json"), lock: filepath.Join(d, "node_registry.lock"),
		portFile: filepath.Join(d, "daemon.port"), pidFile: filepath.Join(d, "daemon.pid")}
}

// NodeConfig is one registry entry, fields in struct order (AC: ant-core/src/node/types.rs:80-97; §4.2).
type NodeConfig struct {
	ID             uint32            `json:"id"`
	ServiceName    string            `json:"service_name"`
	RewardsAddress string            `json:"rewards_address"`
	DataDir        string            `json:"data_dir"`
	LogDir         *string           `json:"log_dir"`
	NodePort       *uint16           `json:"node_port"`
	MetricsPort    *uint16           `json:"metrics_port"`
	NetworkID      *uint32           `json:"network_id"`
	BinaryPath     string            `json:"binary_path"`
	Version        string            `json:"version"`
	EnvVariables   map[string]string `json:"env_variables"`
	BootstrapPeers []string          `json:"bootstrap_peers"`
}

// registry is the persisted NodeRegistry: schema_version, nodes keyed by id as a string, next_id
// (AC: ant-core/src/node/registry.rs:12-20).
type registry struct {
	SchemaVersion uint32                 `json:"schema_version"`
	Nodes         map[string]*NodeConfig `json:"nodes"`
	NextID        uint32                 `json:"next_id"`
	path          string
}

// Required keys when loading: every non-Option field (serde), §4.2.
var registryKeys = []string{"schema_version", "nodes", "next_id"}
var nodeKeys = []string{"id", "service_name", "rewards_address", "data_dir", "binary_path", "version", "env_variables", "bootstrap_peers"}

// loadRegistry reads the registry; a missing file is an empty registry (AC: registry.rs:24-38).
// Errors read `JSON serialization error: …` (AC: ant-core/src/error.rs:8) or `I/O error: …`.
func loadRegistry(path string) (*registry, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &registry{SchemaVersion: 1, Nodes: map[string]*NodeConfig{}, NextID: 1, path: path}, nil
	}
	if err != nil {
		return nil, fail("I/O error: %s", osError(err))
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fail("JSON serialization error: %s", jsonError(err))
	}
	if err := requireKeys(top, registryKeys); err != nil {
		return nil, err
	}
	var nodes map[string]map[string]json.RawMessage
	if err := json.Unmarshal(top["nodes"], &nodes); err != nil {
		return nil, fail("JSON serialization error: %s", jsonError(err))
	}
	for _, n := range nodes {
		if err := requireKeys(n, nodeKeys); err != nil {
			return nil, err
		}
	}
	r := &registry{path: path}
	if err := json.Unmarshal(data, r); err != nil {
		return nil, fail("JSON serialization error: %s", jsonError(err))
	}
	for _, n := range r.Nodes {
		n.normalise()
	}
	return r, nil
}

func requireKeys(m map[string]json.RawMessage, keys []string) error {
	for _, k := range keys {
		if v, ok := m[k]; !ok || bytes.Equal(v, []byte("null")) {
			return fail("JSON serialization error: missing field `%s`", k)
		}
	}
	return nil
}

func jsonError(err error) string {
	switch e := err.(type) {
	case *json.SyntaxError:
		return fmt.Sprintf("%s at offset %d", e.Error(), e.Offset)
	default:
		return err.Error()
	}
}

func (n *NodeConfig) normalise() {
	if n.EnvVariables == nil {
		n.EnvVariables = map[string]string{}
	}
	if n.BootstrapPeers == nil {
		n.BootstrapPeers = []string{}
	}
}

// lockRegistry takes the exclusive flock on node_registry.lock, creating <D> first (AC: registry.rs:45-56).
func lockRegistry(f files) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(f.registry), 0o755); err != nil {
		return nil, fail("I/O error: %s", osError(err))
	}
	lf, err := os.OpenFile(f.lock, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fail("I/O error: %s", osError(err))
	}
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX); err != nil {
		lf.Close()
		return nil, fail("I/O error: %s", osError(err))
	}
	return lf, nil
}

// save rewrites the registry pretty-printed through node_registry.tmp + rename (AC: registry.rs:62-71).
func (r *registry) save() error {
	if err := os.MkdirAll(filepath.Dir(r.path), 0o755); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	tmp := r.path[:len(r.path)-len(filepath.Ext(r.path))] + ".tmp"
	if err := os.WriteFile(tmp, []byte(jsonText(r, true)), 0o644); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	if err := os.Rename(tmp, r.path); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	return nil
}

// add assigns id = next_id++ and service name node{id} (AC: registry.rs:84-91; §4.2).
func (r *registry) add(n *NodeConfig) uint32 {
	id := r.NextID
	r.NextID++
	n.ID = id
	n.ServiceName = fmt.Sprintf("node%d", id)
	r.Nodes[strconv.FormatUint(uint64(id), 10)] = n
	return id
}

func (r *registry) get(id uint32) *NodeConfig { return r.Nodes[strconv.FormatUint(uint64(id), 10)] }

// list returns the nodes sorted by id (AC: registry.rs:104-108).
func (r *registry) list() []*NodeConfig {
	out := make([]*NodeConfig, 0, len(r.Nodes))
	for _, n := range r.Nodes {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (r *registry) findByServiceName(name string) *NodeConfig {
	for _, n := range r.Nodes {
		if n.ServiceName == name {
			return n
		}
	}
	return nil
}

// osError renders a Go error the way Rust's io::Error displays: `No such file or directory (os error 2)`.
func osError(err error) string {
	var errno syscall.Errno
	switch e := err.(type) {
	case *os.PathError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	case *os.LinkError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	case *os.SyscallError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	case syscall.Errno:
		errno = e
	}
	if errno == 0 {
		return err.Error()
	}
	s := errno.Error()
	if s != "" {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return fmt.Sprintf("%s (os error %d)", s, int(errno))
}
