package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Starting, checking and stopping antnode processes. The stand-in has no service manager: a node is a child
// process that is re-parented to the init when antctl exits (README, "what it does differently"). A started node
// must not hold the caller's stdout or stderr (a docker exec would then never return): it writes to its log
// file, reads /dev/null, and antnode puts itself in a new session.

const stopGrace = 10 * time.Second

// process is a node this invocation started; exited delivers its exit code once it is gone.
type process struct {
	pid    int
	exited chan int
}

func (p *process) alive() (code int, alive bool) {
	select {
	case code = <-p.exited:
		p.exited <- code // keep it for the next look
		return code, false
	default:
		return 0, true
	}
}

func spawn(n *node, environment [][2]string) *process {
	logDir := n.text("log_dir_path")
	if err := os.MkdirAll(logDir, 0o777); err != nil {
		panic(fail("Failed to start %s: %v", n.serviceName(), err))
	}
	logFile, err := os.OpenFile(filepath.Join(logDir, "antnode.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o666)
	if err != nil {
		panic(fail("Failed to start %s: %v", n.serviceName(), err))
	}
	defer logFile.Close()
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		panic(fail("Failed to start %s: %v", n.serviceName(), err))
	}
	defer devNull.Close()
	line := commandLine(n)
	cmd := exec.Command(line[0], line[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = devNull, logFile, logFile
	cmd.Env = os.Environ()
	for _, kv := range environment {
		cmd.Env = append(cmd.Env, kv[0]+"="+kv[1])
	}
	if err := cmd.Start(); err != nil {
		panic(fail("Failed to start %s: %v", n.serviceName(), err))
	}
	p := &process{pid: cmd.Process.Pid, exited: make(chan int, 1)}
	go func() {
		cmd.Wait()
		p.exited <- cmd.ProcessState.ExitCode()
	}()
	return p
}

// commandLine runs the node's binary with its paths and ports, then the EVM network, which antnode takes as a
// trailing subcommand.
func commandLine(n *node) []string {
	cmd := []string{n.text("antnode_path"), "--rpc", n.text("rpc_socket_addr"), "--root-dir", n.text("data_dir_path"),
		"--log-output-dest", n.text("log_dir_path")}
	if _, ok := n.integer("node_port"); ok {
		cmd = append(cmd, "--port", n.text("node_port"))
	}
	if _, ok := n.integer("metrics_port"); ok {
		cmd = append(cmd, "--metrics-server-port", n.text("metrics_port"))
	}
	if n.flag("no_upnp") {
		cmd = append(cmd, "--no-upnp")
	}
	if n.flag("relay") {
		cmd = append(cmd, "--relay")
	}
	cmd = append(cmd, "--rewards-address", n.text("rewards_address"))
	switch n.get("evm_network") {
	case "ArbitrumSepoliaTest":
		cmd = append(cmd, "evm-arbitrum-sepolia-test")
	case "ArbitrumOne":
		cmd = append(cmd, "evm-arbitrum-one")
	default:
		cmd = append(cmd, "evm-custom")
	}
	return cmd
}

// isAlive means: the pid exists, is not a zombie, and runs this node's binary (pids get reused).
func isAlive(pid int, antnodePath string) bool {
	if pid <= 0 {
		return false
	}
	proc := "/proc/" + strconv.Itoa(pid)
	stat, err := os.ReadFile(proc + "/stat")
	if err != nil {
		return false
	}
	close := strings.LastIndexByte(string(stat), ')')
	if close < 0 || close+2 >= len(stat) || stat[close+2] == 'Z' || stat[close+2] == 'X' {
		return false
	}
	cmdline, err := os.ReadFile(proc + "/cmdline")
	if err != nil {
		return false
	}
	if end := strings.IndexByte(string(cmdline), 0); end >= 0 {
		cmdline = cmdline[:end]
	}
	return string(cmdline) == antnodePath
}

// terminate sends SIGTERM, then SIGKILL after a grace period, and returns when the process is gone.
func terminate(pid int, antnodePath string) {
	syscall.Kill(pid, syscall.SIGTERM)
	deadline := time.Now().Add(stopGrace)
	killed := false
	for isAlive(pid, antnodePath) {
		if !killed && time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			killed = true
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func pause(millis int64) { time.Sleep(time.Duration(millis) * time.Millisecond) }

const (
	enoughPeers = 5
	startPoll   = 25 * time.Millisecond
	peerIDWait  = 5 * time.Second
)

// startNode starts one node the way the real start does (contract §3, start): without an interval it blocks until
// the node reports more than 5 connected peers or the connection timeout runs out; a node that dies meanwhile is
// a failure. It records the node as Running, or aborts with the per-node reason.
func startNode(reg *registry, n *node, waitForPeers bool, timeoutSeconds int64) {
	p := spawn(n, environmentPairs(reg.environmentVariables))
	rpc, _ := n.rpcPort()
	wait := peerIDWait
	if waitForPeers {
		wait = time.Duration(timeoutSeconds) * time.Second
	}
	deadline := time.Now().Add(wait)
	peers, peerID := 0, ""
	for {
		if code, alive := p.alive(); !alive {
			n.markStopped()
			panic(fail("The %s service has failed to start (exit code %d); see %s", n.serviceName(), code,
				n.text("log_dir_path")))
		}
		if peerID == "" {
			peerID = probePeerID(rpc)
		}
		if peerID != "" {
			peers = probeConnectedPeers(rpc)
			if !waitForPeers || peers > enoughPeers {
				break
			}
		}
		if time.Now().After(deadline) {
			recordStart(reg, n, p.pid, peerID, peers)
			if waitForPeers {
				panic(fail("The %s service did not connect to more than %d peers within %d seconds",
					n.serviceName(), enoughPeers, timeoutSeconds))
			}
			panic(fail("The %s service did not answer on its RPC port %d", n.serviceName(), rpc))
		}
		time.Sleep(startPoll)
	}
	recordStart(reg, n, p.pid, peerID, peers)
}

func recordStart(reg *registry, n *node, pid int, peerID string, peers int) {
	n.setStatus(running)
	n.set("pid", num(pid))
	if peerID != "" {
		n.set("peer_id", peerID)
		n.set("listen_addr", []interface{}{"/ip4/127.0.0.1/udp/" + n.text("node_port") + "/quic-v1/p2p/" + peerID})
	}
	connected := []interface{}{}
	for i := 0; i < peers; i++ {
		connected = append(connected, fmt.Sprintf("12D3KooWStandInConnectedPeer%024d", i))
	}
	n.set("connected_peers", connected)
	reg.save()
}

// environmentPairs reads the registry's environment_variables ([[K, V], ...]) for a node's process.
func environmentPairs(v interface{}) [][2]string {
	var env [][2]string
	list, _ := v.([]interface{})
	for _, pair := range list {
		kv, ok := pair.([]interface{})
		if ok && len(kv) == 2 {
			env = append(env, [2]string{fmt.Sprint(kv[0]), fmt.Sprint(kv[1])})
		}
	}
	return env
}
