package main

// The daemon's supervisor: spawning, the 1 s exit check, crash backoff, errored-after-5, stop, adoption,
// the liveness and upgrade monitors (§3.4–3.8; AC: ant-core/src/node/daemon/supervisor.rs).

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	maxCrashesBeforeErrored = 5                 // supervisor.rs:179
	crashWindow             = 300 * time.Second // supervisor.rs:183
	stableDuration          = 300 * time.Second // supervisor.rs:186
	livenessPollInterval    = 5 * time.Second   // supervisor.rs:28
	gracefulStopTimeout     = 10 * time.Second  // supervisor.rs:937
)

// upgradePollInterval is 60 s (supervisor.rs:19). ANT_STANDIN_UPGRADE_POLL_SECS shortens it for tests
// (a stand-in hook, README.md).
func upgradePollInterval() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("ANT_STANDIN_UPGRADE_POLL_SECS")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 60 * time.Second
}

// nodeRuntime is NodeRuntime (supervisor.rs:198-206).
type nodeRuntime struct {
	status         string
	pid            *uint32
	startedAt      *time.Time
	restartCount   uint32
	firstCrashAt   *time.Time
	pendingVersion *string
}

// supervisor: one RWMutex stands for the RwLock<Supervisor> every handler shares (§3.2): a single start
// holds it for the 1 s exit check, a stop for up to ~10.5 s, stop-all for the whole run.
type supervisor struct {
	sync.RWMutex
	states map[uint32]*nodeRuntime
	events *broadcaster
	d      *daemon
}

// exitInfo is a child's exit, delivered by the goroutine that reaps it.
type exitInfo struct {
	code  *int   // nil when killed by a signal
	state string // Rust's ExitStatus display: `exit status: 2`, `signal: 9 (SIGKILL)`
}

func exitStatusText(ps *os.ProcessState) string {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		name := strings.ToUpper(ws.Signal().String())
		if n, ok := signalNames[ws.Signal()]; ok {
			name = n
		}
		s := fmt.Sprintf("signal: %d (%s)", int(ws.Signal()), name)
		if ws.CoreDump() {
			s += " (core dumped)"
		}
		return s
	}
	return fmt.Sprintf("exit status: %d", ps.ExitCode())
}

var signalNames = map[syscall.Signal]string{syscall.SIGKILL: "SIGKILL", syscall.SIGTERM: "SIGTERM", syscall.SIGABRT: "SIGABRT",
	syscall.SIGINT: "SIGINT", syscall.SIGSEGV: "SIGSEGV", syscall.SIGHUP: "SIGHUP"}

// buildNodeArgs is the exact argv of a node (supervisor.rs:662-698; §3.5).
func buildNodeArgs(n *NodeConfig) []string {
	args := []string{"--rewards-address", n.RewardsAddress, "--root-dir", n.DataDir}
	if n.LogDir != nil {
		args = append(args, "--enable-logging", "--log-dir", *n.LogDir)
	}
	if n.NodePort != nil {
		args = append(args, "--port", strconv.Itoa(int(*n.NodePort)))
	}
	if n.MetricsPort != nil {
		args = append(args, "--metrics-port", strconv.Itoa(int(*n.MetricsPort)))
	}
	for _, p := range n.BootstrapPeers {
		args = append(args, "--bootstrap", p)
	}
	return append(args, "--stop-on-upgrade")
}

// spawnNode: the daemon's environment plus the node's env_variables, the daemon's cwd, stdin /dev/null,
// stdout/stderr appended to <log_dir or data_dir>/std{out,err}.log, then <data_dir>/node.pid written
// (AC: process/spawn.rs; supervisor.rs:705-719). The returned channel delivers the exit.
func spawnNode(n *NodeConfig) (uint32, chan exitInfo, error) {
	logDir := n.DataDir
	if n.LogDir != nil {
		logDir = *n.LogDir
	}
	if err := os.MkdirAll(logDir, 0o755); err != nil {
		return 0, nil, fail("Process spawn failed: Failed to create log directory: %s", osError(err))
	}
	out, err := os.OpenFile(filepath.Join(logDir, "stdout.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, nil, fail("Process spawn failed: Failed to open stdout log: %s", osError(err))
	}
	defer out.Close()
	errf, err := os.OpenFile(filepath.Join(logDir, "stderr.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, nil, fail("Process spawn failed: Failed to open stderr log: %s", osError(err))
	}
	defer errf.Close()
	cmd := exec.Command(n.BinaryPath, buildNodeArgs(n)...)
	cmd.Env = os.Environ()
	for k, v := range n.EnvVariables {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = out, errf
	if err := cmd.Start(); err != nil {
		return 0, nil, fail("Process spawn failed: Failed to spawn node process: %s", osError(unwrapExec(err)))
	}
	pid := uint32(cmd.Process.Pid)
	os.WriteFile(nodePidFile(n.DataDir), []byte(strconv.Itoa(int(pid))), 0o644) // best effort
	exited := make(chan exitInfo, 1)
	go func() {
		cmd.Wait()
		info := exitInfo{state: exitStatusText(cmd.ProcessState)}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			c := cmd.ProcessState.ExitCode()
			info.code = &c
		}
		exited <- info
	}()
	return pid, exited, nil
}

func nodePidFile(dataDir string) string { return filepath.Join(dataDir, "node.pid") }

// startNode is Supervisor::start_node, called with the write lock held (supervisor.rs:220-309).
func (s *supervisor) startNode(n *NodeConfig) (*nodeStarted, error) {
	if st := s.states[n.ID]; st != nil && st.status == "running" {
		return nil, errAlreadyRunning
	}
	s.events.send(event{"type": "node_starting", "node_id": n.ID})
	pid, exited, err := spawnNode(n)
	if err != nil {
		return nil, err
	}
	select {
	case info := <-exited:
		// Exited within 1 s: errored, the whole trimmed stderr.log as the detail, no node_errored event,
		// the stale node.pid stays (§3.5, §7 #12).
		logDir := n.DataDir
		if n.LogDir != nil {
			logDir = *n.LogDir
		}
		stderr, _ := os.ReadFile(filepath.Join(logDir, "stderr.log"))
		detail := strings.TrimSpace(string(stderr))
		if detail == "" {
			detail = "exit code: " + info.state
		}
		s.states[n.ID] = &nodeRuntime{status: "errored"}
		return nil, fail("Process spawn failed: Node %d exited immediately: %s", n.ID, detail)
	case <-time.After(time.Second):
	}
	now := time.Now()
	s.states[n.ID] = &nodeRuntime{status: "running", pid: &pid, startedAt: &now}
	s.events.send(event{"type": "node_started", "node_id": n.ID, "pid": pid})
	cfg := *n
	go s.monitor(&cfg, exited)
	return &nodeStarted{NodeID: n.ID, ServiceName: n.ServiceName, Pid: pid}, nil
}

var errAlreadyRunning = fail("already running")

// stopNode is Supervisor::stop_node with the write lock held: SIGTERM, 10 s, SIGKILL (supervisor.rs:316-344).
func (s *supervisor) stopNode(id uint32) error {
	st := s.states[id]
	if st == nil || st.status != "running" {
		return errNotRunning
	}
	s.events.send(event{"type": "node_stopping", "node_id": id})
	st.status = "stopping"
	if st.pid != nil {
		gracefulKill(*st.pid)
	}
	st.status, st.pid, st.startedAt = "stopped", nil, nil
	s.events.send(event{"type": "node_stopped", "node_id": id})
	return nil
}

var errNotRunning = fail("not running")

// gracefulKill: SIGTERM, poll every 100 ms for 10 s, SIGKILL, then up to 500 ms (supervisor.rs:940-965).
func gracefulKill(pid uint32) {
	syscall.Kill(int(pid), syscall.SIGTERM)
	deadline := time.Now().Add(gracefulStopTimeout)
	for processAlive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(int(pid), syscall.SIGKILL)
			for i := 0; i < 10 && processAlive(pid); i++ {
				time.Sleep(50 * time.Millisecond)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// counts is node_counts: runtime entries only; never-started nodes are not counted (supervisor.rs:449-464).
func (s *supervisor) counts() (running, stopped, errored uint32) {
	for _, st := range s.states {
		switch st.status {
		case "running", "starting", "upgrade_scheduled":
			running++
		case "stopped", "stopping":
			stopped++
		case "errored":
			errored++
		}
	}
	return
}

func (s *supervisor) status(id uint32) string {
	if st := s.states[id]; st != nil {
		return st.status
	}
	return "stopped" // the default for a node without runtime state (§3.4)
}

func (s *supervisor) uptime(id uint32) *uint64 {
	st := s.states[id]
	if st == nil || st.startedAt == nil {
		return nil
	}
	u := uint64(time.Since(*st.startedAt) / time.Second)
	return &u
}

func (s *supervisor) pid(id uint32) *uint32 {
	if st := s.states[id]; st != nil {
		return st.pid
	}
	return nil
}

func (s *supervisor) pending(id uint32) *string {
	if st := s.states[id]; st != nil {
		return st.pendingVersion
	}
	return nil
}

// markUpgradeScheduled only moves a running node (supervisor.rs:425-439).
func (s *supervisor) markUpgradeScheduled(id uint32, version string) {
	st := s.states[id]
	if st == nil || st.status != "running" {
		return
	}
	v := version
	st.status, st.pendingVersion = "upgrade_scheduled", &v
	s.events.send(event{"type": "upgrade_scheduled", "node_id": id, "pending_version": version})
}

// recordCrash: reset after 300 s of stable running; errored at the 5th crash within 300 s of the
// first; backoff 1 << min(attempt-1, 5) s, so the 60 s cap is never reached (supervisor.rs:551-591; §7 #9).
func (s *supervisor) recordCrash(id uint32) (bool, uint32, time.Duration) {
	st := s.states[id]
	if st == nil {
		return false, 0, 0
	}
	now := time.Now()
	if st.startedAt != nil && now.Sub(*st.startedAt) >= stableDuration {
		st.restartCount, st.firstCrashAt = 0, nil
	}
	st.restartCount++
	attempt := st.restartCount
	if st.firstCrashAt == nil {
		st.firstCrashAt = &now
	}
	if attempt >= maxCrashesBeforeErrored && now.Sub(*st.firstCrashAt) < crashWindow {
		st.status, st.pid, st.startedAt = "errored", nil, nil
		return false, attempt, 0
	}
	shift := attempt - 1
	if shift > 5 {
		shift = 5
	}
	return true, attempt, time.Duration(1<<shift) * time.Second
}

func (s *supervisor) update(id uint32, status string, pid *uint32) {
	st := s.states[id]
	if st == nil {
		return
	}
	st.status, st.pid = status, pid
	if status == "running" {
		now := time.Now()
		st.startedAt = &now
	} else {
		st.startedAt = nil
	}
}
