package main

// `ant node daemon run`: start-up, files, signals and the monitors (§3.1; AC: daemon/client.rs:268-288,
// daemon/server.rs:44-136, 818-849).

import (
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"
)

type daemon struct {
	f       files
	regMu   sync.RWMutex // the daemon's in-memory registry (Arc<RwLock<NodeRegistry>>)
	reg     *registry
	sup     *supervisor
	events  *broadcaster
	started time.Time
	port    int
}

// runDaemon: load the registry (an error ends the daemon: `daemon start` sends its stderr to /dev/null,
// so it dies silently) → bind 127.0.0.1:0 → reconcile versions → adopt → monitors → port file, then pid
// file → serve. Only SIGINT is handled; SIGTERM keeps its default action (§2.1).
func runDaemon(f files) error {
	reg, err := loadRegistry(f.registry)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail("Failed to bind to address: %s", err)
	}
	d := &daemon{f: f, reg: reg, events: newBroadcaster(), port: ln.Addr().(*net.TCPAddr).Port}
	d.sup = &supervisor{states: map[uint32]*nodeRuntime{}, events: d.events, d: d}
	d.reconcileVersions()
	d.sup.Lock()
	d.sup.adopt(d.reg)
	d.sup.Unlock()
	d.started = time.Now()
	go d.upgradeMonitor()
	go d.livenessMonitor()

	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, syscall.SIGINT)
	// SIGHUP would kill a Rust process too; SIGTERM is left to the runtime's default (exit by signal).

	if err := writeFile(f.portFile, strconv.Itoa(d.port)); err != nil {
		return err
	}
	if err := writeFile(f.pidFile, strconv.Itoa(os.Getpid())); err != nil {
		return err
	}
	srv := &http.Server{Handler: d}
	go srv.Serve(ln)
	<-interrupted
	// Graceful shutdown on SIGINT removes the port and pid files; node processes keep running
	// (kill_on_drop(false)), to be adopted by the next daemon (server.rs:124-133).
	ln.Close()
	os.Remove(f.portFile)
	os.Remove(f.pidFile)
	time.Sleep(100 * time.Millisecond)
	return nil
}

func writeFile(path, content string) error {
	if err := os.MkdirAll(dirOf(path), 0o755); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	return nil
}

func dirOf(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[:i]
		}
	}
	return "."
}

// reconcileVersions heals stale registry versions from each binary's --version, once (server.rs:818-849).
func (d *daemon) reconcileVersions() {
	changed := false
	for _, n := range d.reg.list() {
		if !exists(n.BinaryPath) {
			continue
		}
		v, err := extractVersion(n.BinaryPath)
		if err != nil || v == n.Version {
			continue
		}
		n.Version = v
		changed = true
	}
	if changed {
		d.reg.save()
	}
}

// upgradeMonitor: every 60 s, each running node's on-disk binary version; a difference from the registry
// marks it upgrade_scheduled (supervisor.rs:603-659; §3.8 step 2).
func (d *daemon) upgradeMonitor() {
	for {
		time.Sleep(upgradePollInterval())
		type candidate struct {
			id            uint32
			bin, recorded string
			pending       *string
		}
		var cs []candidate
		d.regMu.RLock()
		d.sup.RLock()
		for _, n := range d.reg.list() {
			if d.sup.status(n.ID) == "running" {
				cs = append(cs, candidate{n.ID, n.BinaryPath, n.Version, d.sup.pending(n.ID)})
			}
		}
		d.sup.RUnlock()
		d.regMu.RUnlock()
		for _, c := range cs {
			v, err := extractVersion(c.bin)
			if err != nil || v == c.recorded || (c.pending != nil && *c.pending == v) {
				continue
			}
			d.sup.Lock()
			d.sup.markUpgradeScheduled(c.id, v)
			d.sup.Unlock()
		}
	}
}

// livenessMonitor: every 5 s, a running node whose pid is gone (kill(pid,0)) becomes stopped, with
// node_stopped, and its node.pid is removed (supervisor.rs:978-1024).
func (d *daemon) livenessMonitor() {
	for {
		type candidate struct {
			id      uint32
			pid     uint32
			dataDir string
		}
		var cs []candidate
		d.regMu.RLock() // lock order everywhere: registry, then supervisor
		d.sup.RLock()
		for _, n := range d.reg.list() {
			if p := d.sup.pid(n.ID); p != nil && d.sup.status(n.ID) == "running" {
				cs = append(cs, candidate{n.ID, *p, n.DataDir})
			}
		}
		d.sup.RUnlock()
		d.regMu.RUnlock()
		for _, c := range cs {
			if processAlive(c.pid) {
				continue
			}
			d.sup.Lock()
			if d.sup.status(c.id) == "running" {
				d.sup.update(c.id, "stopped", nil)
				d.events.send(event{"type": "node_stopped", "node_id": c.id})
				os.Remove(nodePidFile(c.dataDir))
			}
			d.sup.Unlock()
		}
		time.Sleep(livenessPollInterval)
	}
}
