package main

// `ant node add` and ant-core's add_nodes (§2.2; AC: ant-cli/src/commands/node/add.rs,
// ant-core/src/node/mod.rs:34-151, ant-core/src/node/binary.rs).

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// AC: ant-cli/src/commands/node/add.rs:11-60 — the flag set; --path/--version/--url conflict (clap exit 2).
var addCommand = command{path: "ant node add", usage: "ant node add [OPTIONS] --rewards-address <REWARDS_ADDRESS>",
	about: "Add one or more nodes to the registry", options: []option{
		{name: "rewards-address", value: "<REWARDS_ADDRESS>", required: true},
		{name: "count", value: "<COUNT>", kind: "u16"},
		{name: "node-port", value: "<NODE_PORT>"},
		{name: "metrics-port", value: "<METRICS_PORT>"},
		{name: "data-dir-path", value: "<DATA_DIR_PATH>"},
		{name: "log-dir-path", value: "<LOG_DIR_PATH>"},
		{name: "network-id", value: "<NETWORK_ID>", kind: "u32"},
		{name: "path", value: "<PATH>", conflicts: []string{"version", "url"}},
		{name: "version", value: "<VERSION>", conflicts: []string{"path", "url"}},
		{name: "url", value: "<URL>", conflicts: []string{"path", "version"}},
		{name: "bootstrap", value: "<BOOTSTRAP>", repeat: true, delimiter: true},
		{name: "env", value: "<ENV>", repeat: true, delimiter: true},
	}}

// portRange is PortRange, untagged: a number or [start, end] (AC: ant-core/src/node/types.rs:160-196).
type portRange struct {
	start, end uint16
	single     bool
}

func (p *portRange) MarshalJSON() ([]byte, error) {
	if p.single {
		return json.Marshal(p.start)
	}
	return json.Marshal([]uint16{p.start, p.end})
}

func (p *portRange) UnmarshalJSON(b []byte) error {
	var one uint16
	if err := json.Unmarshal(b, &one); err == nil {
		*p = portRange{start: one, end: one, single: true}
		return nil
	}
	var two [2]uint16
	if err := json.Unmarshal(b, &two); err != nil {
		return fmt.Errorf("data did not match any variant of untagged enum PortRange")
	}
	*p = portRange{start: two[0], end: two[1]}
	return nil
}

func (p *portRange) len() int {
	if p.single {
		return 1
	}
	if p.end < p.start {
		return 1 // saturating_sub + 1
	}
	return int(p.end-p.start) + 1
}

// portAt: a single port goes to the first node only; the others get none (PortRange::port_at, §2.2).
func (p *portRange) portAt(i int) *uint16 {
	if p == nil {
		return nil
	}
	if p.single {
		if i == 0 {
			v := p.start
			return &v
		}
		return nil
	}
	v := int(p.start) + i
	if v > int(p.end) {
		return nil
	}
	u := uint16(v)
	return &u
}

// binarySource is adjacently tagged {"type":…,"value":…}, snake_case (AC: types.rs:132-146).
type binarySource struct {
	Type  string  `json:"type"`
	Value *string `json:"value,omitempty"`
}

// addOpts is AddNodeOpts, the POST /api/v1/nodes body (AC: types.rs:199-223; §3.3).
type addOpts struct {
	Count          uint16       `json:"count"`
	RewardsAddress string       `json:"rewards_address"`
	NodePort       *portRange   `json:"node_port"`
	MetricsPort    *portRange   `json:"metrics_port"`
	DataDirPath    *string      `json:"data_dir_path"`
	LogDirPath     *string      `json:"log_dir_path"`
	NetworkID      uint32       `json:"network_id"`
	BinarySource   binarySource `json:"binary_source"`
	BootstrapPeers []string     `json:"bootstrap_peers"`
	EnvVariables   [][2]string  `json:"env_variables"`
}

type addResult struct {
	NodesAdded []*NodeConfig `json:"nodes_added"`
}

// parsePortRange is AddArgs::parse_port_range: split on the first '-', no trimming (add.rs:159-182).
func parsePortRange(s string) (*portRange, error) {
	if i := strings.IndexByte(s, '-'); i >= 0 {
		a, b := s[:i], s[i+1:]
		start, err := strconv.ParseUint(a, 10, 16)
		if err != nil {
			return nil, fail("Invalid port range start: '%s'", a)
		}
		end, err := strconv.ParseUint(b, 10, 16)
		if err != nil {
			return nil, fail("Invalid port range end: '%s'", b)
		}
		if end < start {
			return nil, fail("Port range end (%d) must be >= start (%d)", end, start)
		}
		return &portRange{start: uint16(start), end: uint16(end)}, nil
	}
	p, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return nil, fail("Invalid port: '%s'", s)
	}
	return &portRange{start: uint16(p), end: uint16(p), single: true}, nil
}

// toAddOpts is AddArgs::to_add_node_opts: ports, then binary source, then env (add.rs:118-157).
func toAddOpts(p parsed) (*addOpts, error) {
	o := &addOpts{Count: 1, NetworkID: 1, RewardsAddress: p.get("rewards-address"), BootstrapPeers: []string{}, EnvVariables: [][2]string{}}
	var err error
	if p.has("node-port") {
		if o.NodePort, err = parsePortRange(p.get("node-port")); err != nil {
			return nil, err
		}
	}
	if p.has("metrics-port") {
		if o.MetricsPort, err = parsePortRange(p.get("metrics-port")); err != nil {
			return nil, err
		}
	}
	if p.has("count") {
		c, _ := strconv.ParseUint(p.get("count"), 10, 16)
		o.Count = uint16(c)
	}
	if p.has("network-id") {
		n, _ := strconv.ParseUint(p.get("network-id"), 10, 32)
		o.NetworkID = uint32(n)
	}
	for _, k := range []string{"data-dir-path", "log-dir-path"} {
		if p.has(k) {
			v := p.get(k)
			if k == "data-dir-path" {
				o.DataDirPath = &v
			} else {
				o.LogDirPath = &v
			}
		}
	}
	switch {
	case p.has("path"):
		v := p.get("path")
		o.BinarySource = binarySource{Type: "local_path", Value: &v}
	case p.has("version"):
		v := p.get("version")
		o.BinarySource = binarySource{Type: "version", Value: &v}
	case p.has("url"):
		v := p.get("url")
		o.BinarySource = binarySource{Type: "url", Value: &v}
	default:
		o.BinarySource = binarySource{Type: "latest"}
	}
	o.BootstrapPeers = append(o.BootstrapPeers, p["bootstrap"]...)
	for _, e := range p["env"] {
		kv := strings.SplitN(e, "=", 2)
		if len(kv) != 2 {
			return nil, fail("Invalid env variable format: '%s'. Expected KEY=VALUE", e)
		}
		o.EnvVariables = append(o.EnvVariables, [2]string{kv[0], kv[1]})
	}
	return o, nil
}

// runAdd: parse → daemon up? POST /nodes : add directly (add.rs:63-116).
func runAdd(p parsed, jsonOut bool) error {
	opts, err := toAddOpts(p)
	if err != nil {
		return err
	}
	f := defaultFiles()
	var result *addResult
	if st, err := daemonStatus(f); err == nil && st.Running {
		result = &addResult{}
		if err := postJSON(f, "/nodes", opts, result); err != nil {
			if he, ok := err.(*httpStatusError); ok {
				return fail("Daemon returned error: %s", he.body) // add.rs:204-205
			}
			return err
		}
	} else {
		// Direct mode prints progress lines on stdout, even with --json (§2.2 caveat).
		result, err = addNodes(opts, f, cliProgress{})
		if err != nil {
			return err
		}
	}
	if jsonOut {
		printJSON(result, true)
		return nil
	}
	printf("✓ Added %d node(s):\n\n", len(result.NodesAdded))
	for _, n := range result.NodesAdded {
		printf("  ● Node %d (%s)\n", n.ID, n.ServiceName)
		printf("    Data %s\n", n.DataDir)
		if n.LogDir != nil {
			printf("    Logs %s\n", *n.LogDir)
		}
		if n.NodePort != nil {
			printf("    Port %d\n", *n.NodePort)
		}
		if n.MetricsPort != nil {
			printf("    Metrics %d\n", *n.MetricsPort)
		}
		printf("    Binary %s\n", n.BinaryPath)
		printf("    Version %s\n", n.Version)
	}
	return nil
}

// progress is ProgressReporter: the CLI prints, the daemon path is silent (NoopProgress, §2.2).
type progress interface {
	started(msg string)
	complete(msg string)
}

type cliProgress struct{}

func (cliProgress) started(msg string)  { printf("⟳ %s\n", msg) }   // add.rs:225-227
func (cliProgress) complete(msg string) { printf("\r✓ %s\n", msg) } // add.rs:244-246

type noProgress struct{}

func (noProgress) started(string)  {}
func (noProgress) complete(string) {}

// validateRewardsAddress: trimmed, 0x/0X + 40 hex, case kept (AC: ant-core/src/node/mod.rs:232-257).
func validateRewardsAddress(a string) error {
	a = strings.TrimSpace(a)
	if a == "" {
		return fail("Invalid rewards address: rewards address cannot be empty")
	}
	if !strings.HasPrefix(a, "0x") && !strings.HasPrefix(a, "0X") {
		return fail("Invalid rewards address: rewards address must start with '0x', got '%s'", a)
	}
	if len(a)-2 != 40 {
		return fail("Invalid rewards address: rewards address must be 42 characters (0x + 40 hex), got %d characters", len(a))
	}
	for _, c := range a[2:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return fail("Invalid rewards address: rewards address contains non-hex characters: '%s'", a)
		}
	}
	return nil
}

// addNodes is ant_core::node::add_nodes: address → count → range lengths → binary → lock → per node
// mkdir + copy binary + copy bootstrap_peers.toml → one save at the end (AC: ant-core/src/node/mod.rs:34-151).
func addNodes(o *addOpts, f files, pr progress) (*addResult, error) {
	if err := validateRewardsAddress(o.RewardsAddress); err != nil {
		return nil, err
	}
	if o.Count > 1000 { // MAX_NODES_PER_CALL, mod.rs:44
		return nil, fail("Node count %d exceeds maximum of 1000 per call", o.Count)
	}
	for _, r := range []*portRange{o.NodePort, o.MetricsPort} {
		if r != nil && r.len() != 1 && r.len() != int(o.Count) {
			return nil, fail("Port range length (%d) does not match node count (%d)", r.len(), o.Count)
		}
	}
	bin, err := resolveBinary(o.BinarySource, f, pr)
	if err != nil {
		return nil, err
	}
	lock, err := lockRegistry(f)
	if err != nil {
		return nil, err
	}
	defer lock.Close()
	reg, err := loadRegistry(f.registry)
	if err != nil {
		return nil, err
	}
	result := &addResult{NodesAdded: []*NodeConfig{}}
	for i := 0; i < int(o.Count); i++ {
		n, err := addOne(reg, o, f, bin, i)
		if err != nil {
			return nil, err
		}
		result.NodesAdded = append(result.NodesAdded, n)
	}
	if err := reg.save(); err != nil {
		return nil, err
	}
	return result, nil
}

// addOne registers node i of an add: id and name from the registry, its dirs, its own copy of the binary
// (mode 0755) and bootstrap_peers.toml (mod.rs:88-146). The registry is saved by the caller, once.
func addOne(reg *registry, o *addOpts, f files, bin *resolved, i int) (*NodeConfig, error) {
	env := map[string]string{}
	for _, kv := range o.EnvVariables {
		env[kv[0]] = kv[1]
	}
	netID := o.NetworkID
	n := &NodeConfig{RewardsAddress: strings.TrimSpace(o.RewardsAddress), NodePort: o.NodePort.portAt(i),
		MetricsPort: o.MetricsPort.portAt(i), NetworkID: &netID, Version: bin.version, EnvVariables: env,
		BootstrapPeers: append([]string{}, o.BootstrapPeers...)}
	id := reg.add(n)
	n.DataDir = nodeDataDir(o.DataDirPath, f, id)
	if o.LogDirPath != nil {
		l := filepath.Join(*o.LogDirPath, fmt.Sprintf("node-%d", id), "logs")
		n.LogDir = &l
	}
	if err := os.MkdirAll(n.DataDir, 0o755); err != nil {
		return nil, fail("I/O error: %s", osError(err))
	}
	if n.LogDir != nil {
		if err := os.MkdirAll(*n.LogDir, 0o755); err != nil {
			return nil, fail("I/O error: %s", osError(err))
		}
	}
	n.BinaryPath = filepath.Join(n.DataDir, "ant-node")
	if err := copyFile(bin.path, n.BinaryPath, 0o755); err != nil {
		return nil, err
	}
	if bin.bootstrapPeers != "" {
		if err := copyFile(bin.bootstrapPeers, filepath.Join(n.DataDir, "bootstrap_peers.toml"), 0o644); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// nodeDataDir: <prefix>/node-{id}, default prefix <D>/nodes (mod.rs:260-268).
func nodeDataDir(prefix *string, f files, id uint32) string {
	base := filepath.Join(f.dir, "nodes")
	if prefix != nil {
		base = *prefix
	}
	return filepath.Join(base, fmt.Sprintf("node-%d", id))
}
