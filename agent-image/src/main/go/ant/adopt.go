package main

// Adoption of nodes left running by an earlier daemon, and the process-table reads it needs
// (§3.6 "adoption"; AC: ant-core/src/node/daemon/supervisor.rs:80-176, 504-547).

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// readNodePid reads <data_dir>/node.pid without checking liveness (supervisor.rs:58-62).
func readNodePid(dataDir string) *uint32 {
	data, err := os.ReadFile(nodePidFile(dataDir))
	if err != nil {
		return nil
	}
	p, err := strconv.ParseUint(strings.TrimSpace(string(data)), 10, 32)
	if err != nil {
		return nil
	}
	v := uint32(p)
	return &v
}

// isThread: /proc/<tid> resolves for any thread; a pid whose Tgid differs is a thread, not a process
// (pid_is_live_process, supervisor.rs:126-134). A pid missing from /proc counts as a process.
func isThread(pid uint32) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(int(pid)) + "/status")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "Tgid:") {
			return strings.TrimSpace(line[5:]) != strconv.Itoa(int(pid))
		}
	}
	return false
}

// findRunningNode scans /proc for exe == binary_path and `--root-dir <data_dir>` (or `--root-dir=`)
// in argv (supervisor.rs:80-116).
func findRunningNode(n *NodeConfig) *uint32 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	for _, e := range entries {
		pid, err := strconv.ParseUint(e.Name(), 10, 32)
		if err != nil {
			continue
		}
		dir := filepath.Join("/proc", e.Name())
		exe, err := os.Readlink(filepath.Join(dir, "exe"))
		if err != nil || exe != n.BinaryPath {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00")
		for i, a := range args {
			if a == "--root-dir="+n.DataDir || (a == "--root-dir" && i+1 < len(args) && args[i+1] == n.DataDir) {
				v := uint32(pid)
				return &v
			}
		}
	}
	return nil
}

// resolveAdoptedPid: node.pid first (any live non-thread pid, its executable unchecked, §7 #14), else
// the scan, which rewrites node.pid (supervisor.rs:141-155).
func resolveAdoptedPid(n *NodeConfig) *uint32 {
	if pid := readNodePid(n.DataDir); pid != nil {
		if processAlive(*pid) && !isThread(*pid) {
			return pid
		}
		os.Remove(nodePidFile(n.DataDir))
	}
	pid := findRunningNode(n)
	if pid != nil {
		os.WriteFile(nodePidFile(n.DataDir), []byte(strconv.Itoa(int(*pid))), 0o644)
	}
	return pid
}

// processStartedAt back-dates uptime to the process start: /proc/<pid>/stat field 22 (clock ticks
// since boot, USER_HZ 100) plus btime from /proc/stat (process_started_at, supervisor.rs:168-176).
func processStartedAt(pid uint32) time.Time {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(int(pid)) + "/stat")
	if err != nil {
		return time.Now()
	}
	s := string(stat)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 20 {
		return time.Now()
	}
	ticks, err := strconv.ParseInt(fields[19], 10, 64) // field 22 overall; fields[0] is field 3
	if err != nil {
		return time.Now()
	}
	sys, err := os.ReadFile("/proc/stat")
	if err != nil {
		return time.Now()
	}
	for _, line := range strings.Split(string(sys), "\n") {
		if strings.HasPrefix(line, "btime ") {
			bt, err := strconv.ParseInt(strings.TrimSpace(line[6:]), 10, 64)
			if err == nil {
				return time.Unix(bt, 0).Add(time.Duration(ticks) * 10 * time.Millisecond)
			}
		}
	}
	return time.Now()
}

// adopt marks every registry node with a live process as running, with no monitor: only the liveness
// poll watches it (no crash restart, no upgrade respawn, §3.6, §7 #1). Runs before serving.
func (s *supervisor) adopt(reg *registry) {
	for _, n := range reg.list() {
		pid := resolveAdoptedPid(n)
		if pid == nil {
			continue
		}
		started := processStartedAt(*pid)
		s.states[n.ID] = &nodeRuntime{status: "running", pid: pid, startedAt: &started}
		s.events.send(event{"type": "node_started", "node_id": n.ID, "pid": *pid})
	}
}
