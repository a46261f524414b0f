package main

// `ant node start | stop | status | reset` (§2.3–2.6; AC: ant-cli/src/commands/node/{start,stop,status,reset}.rs).

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

var startCommand = command{path: "ant node start", usage: "ant node start [OPTIONS]",
	about:   "Start node(s). With no arguments starts all nodes; use --service-name for a specific node.",
	options: []option{{name: "service-name", value: "<SERVICE_NAME>"}}}
var stopCommand = command{path: "ant node stop", usage: "ant node stop [OPTIONS]",
	about:   "Stop node(s). With no arguments stops all nodes; use --service-name for a specific node.",
	options: []option{{name: "service-name", value: "<SERVICE_NAME>"}}}
var statusCommand = command{path: "ant node status", usage: "ant node status", about: "Show the status of all registered nodes"}
var resetCommand = command{path: "ant node reset", usage: "ant node reset [OPTIONS]",
	about: "Reset all node state (removes all data, logs, and clears the registry)", options: []option{{name: "force"}}}

type nodeStarted struct {
	NodeID      uint32 `json:"node_id"`
	ServiceName string `json:"service_name"`
	Pid         uint32 `json:"pid"`
}
type nodeFailed struct {
	NodeID      uint32 `json:"node_id"`
	ServiceName string `json:"service_name"`
	Error       string `json:"error"`
}
type startResult struct {
	Started        []nodeStarted `json:"started"`
	Failed         []nodeFailed  `json:"failed"`
	AlreadyRunning []uint32      `json:"already_running"`
}
type nodeStopped struct {
	NodeID      uint32 `json:"node_id"`
	ServiceName string `json:"service_name"`
}
type stopResult struct {
	Stopped        []nodeStopped `json:"stopped"`
	Failed         []nodeFailed  `json:"failed"`
	AlreadyStopped []uint32      `json:"already_stopped"`
}
type nodeSummary struct {
	NodeID         uint32  `json:"node_id"`
	Name           string  `json:"name"`
	Version        string  `json:"version"`
	Status         string  `json:"status"`
	Pid            *uint32 `json:"pid,omitempty"`
	UptimeSecs     *uint64 `json:"uptime_secs,omitempty"`
	PendingVersion *string `json:"pending_version,omitempty"`
}
type statusResult struct {
	Nodes        []nodeSummary `json:"nodes"`
	TotalRunning uint32        `json:"total_running"`
	TotalStopped uint32        `json:"total_stopped"`
}
type resetResult struct {
	NodesCleared    uint32   `json:"nodes_cleared"`
	DataDirsRemoved []string `json:"data_dirs_removed"`
	LogDirsRemoved  []string `json:"log_dirs_removed"`
}

const daemonDown = "The daemon is not running. Start it first with: ant node daemon start"

// requireDaemon: start and stop need the daemon (start.rs:18-22, stop.rs:18-22).
func requireDaemon(f files) error {
	st, err := daemonStatus(f)
	if err != nil {
		return err
	}
	if !st.Running {
		return fail(daemonDown)
	}
	return nil
}

// lookupID resolves --service-name through the on-disk registry (start.rs:36-41).
func lookupID(f files, name string) (uint32, error) {
	reg, err := loadRegistry(f.registry)
	if err != nil {
		return 0, err
	}
	n := reg.findByServiceName(name)
	if n == nil {
		return 0, fail("No node found with service name '%s'", name)
	}
	return n.ID, nil
}

func runStart(p parsed, jsonOut bool) error {
	f := defaultFiles()
	if err := requireDaemon(f); err != nil {
		return err
	}
	if p.has("service-name") {
		id, err := lookupID(f, p.get("service-name"))
		if err != nil {
			return err
		}
		var r nodeStarted
		if err := postJSON(f, fmt.Sprintf("/nodes/%d/start", id), nil, &r); err != nil {
			return err // a 409 exits 1 with the body (§2.3)
		}
		if jsonOut {
			printJSON(r, true) // to_string_pretty (start.rs:45-46)
		} else {
			printf("✓ Node %s (%d) started — PID %d\n", r.ServiceName, r.NodeID, r.Pid)
		}
		return nil
	}
	var r startResult
	if err := postJSON(f, "/nodes/start-all", nil, &r); err != nil {
		return err
	}
	if jsonOut {
		printJSON(r, true)
	} else {
		printStartAll(&r)
	}
	return nil
}

// printStartAll: started, already running, failed, or "No nodes registered" (start.rs:60-121).
func printStartAll(r *startResult) {
	if len(r.Started) > 0 {
		printf("✓ Started %d node(s):\n", len(r.Started))
		for _, n := range r.Started {
			printf("  ● %s (%d) — PID %d\n", n.ServiceName, n.NodeID, n.Pid)
		}
	}
	if len(r.AlreadyRunning) > 0 {
		printf("● Already running: %d node(s)\n", len(r.AlreadyRunning))
		for _, id := range r.AlreadyRunning {
			printf("  ─ Node %d\n", id)
		}
	}
	printFailures("start", r.Failed)
	if len(r.Started) == 0 && len(r.AlreadyRunning) == 0 && len(r.Failed) == 0 {
		printf("● No nodes registered. Add nodes first with: ant node add\n")
	}
}

func printFailures(verb string, failed []nodeFailed) {
	if len(failed) == 0 {
		return
	}
	printf("✗ Failed to %s %d node(s):\n", verb, len(failed))
	for _, n := range failed {
		printf("  ● %s (%d) — %s\n", n.ServiceName, n.NodeID, n.Error)
	}
}

func runStop(p parsed, jsonOut bool) error {
	f := defaultFiles()
	if err := requireDaemon(f); err != nil {
		return err
	}
	if p.has("service-name") {
		id, err := lookupID(f, p.get("service-name"))
		if err != nil {
			return err
		}
		var r nodeStopped
		if err := postJSON(f, fmt.Sprintf("/nodes/%d/stop", id), nil, &r); err != nil {
			return err
		}
		if jsonOut {
			printJSON(r, true)
		} else {
			printf("✓ Node %s (%d) stopped\n", r.ServiceName, r.NodeID)
		}
		return nil
	}
	var r stopResult
	if err := postJSON(f, "/nodes/stop-all", nil, &r); err != nil {
		return err
	}
	if jsonOut {
		printJSON(r, true)
	} else {
		printStopAll(&r)
	}
	return nil
}

// printStopAll: stopped, already stopped, failed, or "No nodes registered" (stop.rs:58-118).
func printStopAll(r *stopResult) {
	if len(r.Stopped) > 0 {
		printf("✓ Stopped %d node(s):\n", len(r.Stopped))
		for _, n := range r.Stopped {
			printf("  ● %s (%d)\n", n.ServiceName, n.NodeID)
		}
	}
	if len(r.AlreadyStopped) > 0 {
		printf("● Already stopped: %d node(s)\n", len(r.AlreadyStopped))
		for _, id := range r.AlreadyStopped {
			printf("  ─ Node %d\n", id)
		}
	}
	printFailures("stop", r.Failed)
	if len(r.Stopped) == 0 && len(r.AlreadyStopped) == 0 && len(r.Failed) == 0 {
		printf("● No nodes registered. Add nodes first with: ant node add\n")
	}
}

// offlineStatus: registry only, every node stopped, no pid (AC: ant-core/src/node/mod.rs:206-227).
func offlineStatus(f files) (*statusResult, error) {
	reg, err := loadRegistry(f.registry)
	if err != nil {
		return nil, err
	}
	r := &statusResult{Nodes: []nodeSummary{}}
	for _, n := range reg.list() {
		r.Nodes = append(r.Nodes, nodeSummary{NodeID: n.ID, Name: n.ServiceName, Version: n.Version, Status: "stopped"})
	}
	r.TotalStopped = uint32(len(r.Nodes))
	return r, nil
}

var statusLabels = map[string]string{"running": "Running", "stopped": "Stopped", "starting": "Starting",
	"stopping": "Stopping", "errored": "Errored", "upgrade_scheduled": "Upgrade scheduled"}

func runStatus(_ parsed, jsonOut bool) error {
	f := defaultFiles()
	st, err := daemonStatus(f)
	if err != nil {
		return err
	}
	var r *statusResult
	if st.Running {
		r = &statusResult{}
		if err := call(f, "GET", "/nodes/status", nil, r); err != nil {
			return err
		}
	} else if r, err = offlineStatus(f); err != nil {
		return err
	}
	if jsonOut {
		printJSON(r, true)
		return nil
	}
	if len(r.Nodes) == 0 {
		printf("● No nodes registered. Add nodes first with: ant node add\n")
		return nil
	}
	// "  {:<4} {:<14} {:<18} {}" and 52 × ─ (status.rs:33-65).
	printf("  %-4s %-14s %-18s %s\n", "ID", "Name", "Version", "Status")
	printf("  %s\n", strings.Repeat("─", 52))
	for _, n := range r.Nodes {
		version := n.Version
		if n.PendingVersion != nil {
			version = n.Version + " → " + *n.PendingVersion
		}
		printf("  %-4d %-14s %s %s\n", n.NodeID, n.Name, padRunes(version, 18), "● "+statusLabels[n.Status])
	}
	if !st.Running {
		printf("\n  ! Daemon is not running — all nodes shown as stopped.\n  Start it with: ant node daemon start\n")
	}
	return nil
}

// padRunes pads to a width in characters, as Rust's {:<18} counts chars, not bytes.
func padRunes(s string, width int) string {
	n := len([]rune(s))
	if n >= width {
		return s
	}
	return s + strings.Repeat(" ", width-n)
}

// runReset (AC: ant-cli/src/commands/node/reset.rs:17-86).
func runReset(p parsed, jsonOut bool) error {
	f := defaultFiles()
	daemonUp := false
	if st, err := daemonStatus(f); err == nil && st.Running {
		if st.NodesRunning > 0 {
			return fail("Cannot reset while nodes are running (%d node(s) still running). Stop all nodes first.", st.NodesRunning)
		}
		daemonUp = true
	}
	if !p.has("force") && !jsonOut && !confirmReset() {
		return nil
	}
	var r *resetResult
	if daemonUp {
		r = &resetResult{}
		if err := postJSON(f, "/reset", nil, r); err != nil {
			if he, ok := err.(*httpStatusError); ok {
				return fail("Daemon returned error: %s", he.body)
			}
			return err
		}
	} else {
		var err error
		if r, err = resetRegistry(f); err != nil {
			return err
		}
	}
	if jsonOut {
		printJSON(r, true)
	} else {
		printReset(r)
	}
	return nil
}

// confirmReset: the prompt is skipped by --force or --json; anything but y/Y (EOF too) cancels, exit 0
// (reset.rs:35-47).
func confirmReset() bool {
	printf("⚠ This will remove all node data, logs, and clear the registry.\n  Are you sure? [y/N] ")
	stdout.Flush()
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	if !strings.EqualFold(strings.TrimSpace(line), "y") {
		printf("─ Reset cancelled.\n")
		return false
	}
	return true
}

func printReset(r *resetResult) {
	if r.NodesCleared == 0 {
		printf("● No nodes to reset — registry is already empty.\n")
		return
	}
	printf("✓ Reset complete — %d node(s) cleared\n", r.NodesCleared)
	for _, d := range r.DataDirsRemoved {
		printf("  ─ Removed data: %s\n", d)
	}
	for _, d := range r.LogDirsRemoved {
		printf("  ─ Removed logs: %s\n", d)
	}
}

// resetRegistry is ant_core::node::reset: remove each node's data and log dir, then save the registry
// empty with next_id = 1; no check for live processes (AC: ant-core/src/node/mod.rs:173-201; §2.6).
func resetRegistry(f files) (*resetResult, error) {
	lock, err := lockRegistry(f)
	if err != nil {
		return nil, err
	}
	defer lock.Close()
	reg, err := loadRegistry(f.registry)
	if err != nil {
		return nil, err
	}
	r := &resetResult{NodesCleared: uint32(len(reg.Nodes)), DataDirsRemoved: []string{}, LogDirsRemoved: []string{}}
	for _, n := range reg.list() {
		if exists(n.DataDir) {
			if err := os.RemoveAll(n.DataDir); err != nil {
				return nil, fail("I/O error: %s", osError(err))
			}
			r.DataDirsRemoved = append(r.DataDirsRemoved, n.DataDir)
		}
		if n.LogDir != nil && exists(*n.LogDir) {
			if err := os.RemoveAll(*n.LogDir); err != nil {
				return nil, fail("I/O error: %s", osError(err))
			}
			r.LogDirsRemoved = append(r.LogDirsRemoved, *n.LogDir)
		}
	}
	reg.Nodes = map[string]*NodeConfig{}
	reg.NextID = 1
	if err := reg.save(); err != nil {
		return nil, err
	}
	return r, nil
}
