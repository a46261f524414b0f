package main

// The CLI side of the daemon: HTTP client and `ant node daemon start|stop|status|info`
// (§2.1; AC: ant-core/src/node/daemon/client.rs, ant-cli/src/commands/node/daemon.rs).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type daemonStatusResult struct {
	Running      bool    `json:"running"`
	Pid          *uint32 `json:"pid"`
	Port         *uint16 `json:"port"`
	UptimeSecs   *uint64 `json:"uptime_secs"`
	NodesTotal   uint32  `json:"nodes_total"`
	NodesRunning uint32  `json:"nodes_running"`
	NodesStopped uint32  `json:"nodes_stopped"`
	NodesErrored uint32  `json:"nodes_errored"`
}

type daemonInfoResult struct {
	Running bool    `json:"running"`
	Pid     *uint32 `json:"pid"`
	Port    *uint16 `json:"port"`
	APIBase *string `json:"api_base"`
}

type daemonStartResult struct {
	AlreadyRunning bool    `json:"already_running"`
	Pid            uint32  `json:"pid"`
	Port           *uint16 `json:"port"`
}

type daemonStopResult struct {
	Pid uint32 `json:"pid"`
}

// httpStatusError is a non-2xx answer; its body is what the CLI prints after `HTTP request error: `.
type httpStatusError struct {
	code int
	body string
}

func (e *httpStatusError) Error() string { return "HTTP request error: " + e.body }

// The CLI's HTTP client has no timeout (§3.2). Keep-alives off: one request per connection is what a
// fresh reqwest client per call amounts to, and it lets the process exit at once.
var httpClient = &http.Client{Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil,
	DialContext: (&net.Dialer{}).DialContext}}

func readPortFile(f files) *uint16 {
	data, err := os.ReadFile(f.portFile)
	if err != nil {
		return nil
	}
	p, err := strconv.ParseUint(strings.TrimSpace(string(data)), 10, 16)
	if err != nil {
		return nil
	}
	v := uint16(p)
	return &v
}

func readPidFile(f files) *uint32 {
	data, err := os.ReadFile(f.pidFile)
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

// processAlive is kill(pid, 0) == 0 or EPERM (AC: client.rs:404-415). A zombie counts as alive (§6).
func processAlive(pid uint32) bool {
	if pid == 0 || pid > 1<<31-1 {
		return false
	}
	err := syscall.Kill(int(pid), 0)
	return err == nil || err == syscall.EPERM
}

// daemonStatus: no port file → down; GET /status; a connection error → down with the stale port
// (AC: client.rs:14-48; §2 "Is the daemon running?").
func daemonStatus(f files) (*daemonStatusResult, error) {
	port := readPortFile(f)
	if port == nil {
		return &daemonStatusResult{}, nil
	}
	resp, err := httpClient.Get(fmt.Sprintf("http://127.0.0.1:%d/api/v1/status", *port))
	if err != nil {
		return &daemonStatusResult{Port: port}, nil
	}
	defer resp.Body.Close()
	var st daemonStatusResult
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		return nil, fail("HTTP request error: error decoding response body")
	}
	return &st, nil
}

// call sends a request to the daemon named by the port file (AC: client.rs:143-243). A missing port
// file is DaemonNotRunning; a transport error or a non-2xx status is `HTTP request error: …`.
func call(f files, method, path string, body interface{}, out interface{}) error {
	port := readPortFile(f)
	if port == nil {
		return fail("Daemon not running")
	}
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(jsonText(body, false))
	}
	req, _ := http.NewRequest(method, fmt.Sprintf("http://127.0.0.1:%d/api/v1%s", *port, path), rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return fail("HTTP request error: error sending request for url (%s)", req.URL)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &httpStatusError{code: resp.StatusCode, body: string(data)}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fail("HTTP request error: error decoding response body")
	}
	return nil
}

func postJSON(f files, path string, body, out interface{}) error {
	return call(f, "POST", path, body, out)
}

// daemonInfo: running = pid file present and kill(pid,0); api_base from the port file even when stale
// (AC: client.rs:248-263).
func daemonInfo(f files) *daemonInfoResult {
	pid := readPidFile(f)
	port := readPortFile(f)
	info := &daemonInfoResult{Pid: pid, Port: port, Running: pid != nil && processAlive(*pid)}
	if port != nil {
		base := fmt.Sprintf("http://127.0.0.1:%d/api/v1", *port)
		info.APIBase = &base
	}
	return info
}

// startDaemon: a live pid in daemon.pid → already_running, whatever that process is (§7 #14); else spawn
// `<current_exe> node daemon run` detached (setsid, stdio on /dev/null, env and cwd inherited) and poll
// the port file 20 × 100 ms (AC: client.rs:105-140, process/detach.rs).
func startDaemon(f files) (*daemonStartResult, error) {
	if pid := readPidFile(f); pid != nil && processAlive(*pid) {
		return &daemonStartResult{AlreadyRunning: true, Pid: *pid, Port: readPortFile(f)}, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fail("Process spawn failed: Failed to get current executable: %s", err)
	}
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return nil, fail("Process spawn failed: Failed to spawn detached process: %s", osError(err))
	}
	defer null.Close()
	cmd := exec.Command(exe, "node", "daemon", "run")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = null, null, null
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return nil, fail("Process spawn failed: Failed to spawn detached process: %s", osError(unwrapExec(err)))
	}
	res := &daemonStartResult{Pid: uint32(cmd.Process.Pid)}
	for i := 0; i < 20; i++ {
		time.Sleep(100 * time.Millisecond)
		if p := readPortFile(f); p != nil {
			res.Port = p
			break
		}
	}
	cmd.Process.Release()
	return res, nil
}

// stopDaemon (AC: client.rs:55-99): no pid file → DaemonNotRunning; dead → files removed, success;
// not `ant … daemon …` by /proc/<pid>/cmdline → error; else SIGTERM, poll 50 × 100 ms, remove files.
func stopDaemon(f files) (*daemonStopResult, error) {
	pid := readPidFile(f)
	if pid == nil {
		return nil, fail("Daemon not running")
	}
	removeFiles := func() { os.Remove(f.pidFile); os.Remove(f.portFile) }
	if !processAlive(*pid) {
		removeFiles()
		return &daemonStopResult{Pid: *pid}, nil
	}
	if !looksLikeDaemon(*pid) {
		removeFiles()
		return nil, fail("Failed to stop daemon: PID %d is alive but does not appear to be the ant daemon (possible PID reuse). Stale PID file removed.", *pid)
	}
	syscall.Kill(int(*pid), syscall.SIGTERM)
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		if !processAlive(*pid) {
			break
		}
	}
	if processAlive(*pid) {
		return nil, fail("Failed to stop daemon: Daemon (PID %d) is still alive after 5 seconds", *pid)
	}
	removeFiles()
	return &daemonStopResult{Pid: *pid}, nil
}

// looksLikeDaemon: argv[0]'s basename is ant (or ant.exe) and some argument is `daemon`; an unreadable
// cmdline counts as the daemon (AC: client.rs:292-321).
func looksLikeDaemon(pid uint32) bool {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return true
	}
	var args []string
	for _, a := range bytes.Split(raw, []byte{0}) {
		if len(a) > 0 {
			args = append(args, string(a))
		}
	}
	if len(args) == 0 {
		return false
	}
	base := filepath.Base(args[0])
	if base != "ant" && base != "ant.exe" {
		return false
	}
	for _, a := range args {
		if a == "daemon" {
			return true
		}
	}
	return false
}
