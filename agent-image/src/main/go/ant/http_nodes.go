package main

// The daemon's node-changing endpoints: delete, start, stop, start-all, stop-all, reset (§3.3;
// AC: ant-core/src/node/daemon/server.rs:310-574).

import (
	"fmt"
	"net/http"
	"strconv"
)

// deleteNode: 409 while running; drops the entry, keeps next_id and the directories (server.rs:310-347).
func (d *daemon) deleteNode(w http.ResponseWriter, id uint32) {
	d.sup.RLock()
	running := d.sup.status(id) == "running" && d.sup.states[id] != nil
	d.sup.RUnlock()
	if running {
		d.reply(w, 409, errBody{"error": fmt.Sprintf("Cannot remove node %d while it is running. Stop it first.", id),
			"current_state": errBody{"node_id": id, "status": "running"}})
		return
	}
	lock, err := lockRegistry(d.f)
	if err != nil {
		d.reply(w, 500, errBody{"error": err.Error()})
		return
	}
	reg, err := loadRegistry(d.f.registry)
	if err != nil {
		lock.Close()
		d.reply(w, 500, errBody{"error": err.Error()})
		return
	}
	removed := reg.get(id)
	if removed == nil {
		lock.Close()
		d.notFound(w, id)
		return
	}
	delete(reg.Nodes, strconv.FormatUint(uint64(id), 10))
	err = reg.save()
	lock.Close()
	if err != nil {
		d.reply(w, 500, errBody{"error": err.Error()})
		return
	}
	d.reload()
	d.reply(w, 200, map[string]*NodeConfig{"removed": removed})
}

// alreadyRunning is the start 409: status is the literal "running", pid and uptime_secs may be null.
func (d *daemon) alreadyRunning(w http.ResponseWriter, id uint32) {
	var pid, up interface{}
	if p := d.sup.pid(id); p != nil {
		pid = *p
	}
	if u := d.sup.uptime(id); u != nil {
		up = *u
	}
	d.reply(w, 409, errBody{"error": fmt.Sprintf("Node %d is already running", id),
		"current_state": errBody{"node_id": id, "status": "running", "pid": pid, "uptime_secs": up}})
}

// postStartNode holds the supervisor write lock across the check and the 1 s exit check (server.rs:350-414).
func (d *daemon) postStartNode(w http.ResponseWriter, id uint32) {
	n := d.config(id)
	if n == nil {
		d.notFound(w, id)
		return
	}
	d.sup.Lock()
	defer d.sup.Unlock()
	if d.sup.states[id] != nil && d.sup.states[id].status == "running" {
		d.alreadyRunning(w, id)
		return
	}
	started, err := d.sup.startNode(n)
	if err != nil {
		d.reply(w, 500, errBody{"error": err.Error()})
		return
	}
	d.reply(w, 200, started)
}

// postStartAll takes the lock once per node and never fails (server.rs:417-459).
func (d *daemon) postStartAll(w http.ResponseWriter) {
	d.regMu.RLock()
	var configs []NodeConfig
	for _, n := range d.reg.list() {
		configs = append(configs, *n)
	}
	d.regMu.RUnlock()
	res := startResult{Started: []nodeStarted{}, Failed: []nodeFailed{}, AlreadyRunning: []uint32{}}
	for i := range configs {
		n := &configs[i]
		d.sup.Lock()
		if st := d.sup.states[n.ID]; st != nil && st.status == "running" {
			res.AlreadyRunning = append(res.AlreadyRunning, n.ID)
		} else if started, err := d.sup.startNode(n); err != nil {
			res.Failed = append(res.Failed, nodeFailed{NodeID: n.ID, ServiceName: n.ServiceName, Error: err.Error()})
		} else {
			res.Started = append(res.Started, *started)
		}
		d.sup.Unlock()
	}
	d.reply(w, 200, res)
}

// postStopNode: 409 with the node's real status when it is not running (server.rs:462-521).
func (d *daemon) postStopNode(w http.ResponseWriter, id uint32) {
	n := d.config(id)
	if n == nil {
		d.notFound(w, id)
		return
	}
	d.sup.Lock()
	defer d.sup.Unlock()
	if err := d.sup.stopNode(id); err != nil {
		d.reply(w, 409, errBody{"error": fmt.Sprintf("Node %d is not running", id),
			"current_state": errBody{"node_id": id, "status": d.sup.status(id)}})
		return
	}
	d.reply(w, 200, nodeStopped{NodeID: id, ServiceName: n.ServiceName})
}

// postStopAll holds the lock for the whole sequential run; errored, upgrade_scheduled and never-started
// nodes land in already_stopped (server.rs:524-537, supervisor.rs:347-391).
func (d *daemon) postStopAll(w http.ResponseWriter) {
	d.regMu.RLock()
	nodes := d.reg.list()
	d.regMu.RUnlock()
	res := stopResult{Stopped: []nodeStopped{}, Failed: []nodeFailed{}, AlreadyStopped: []uint32{}}
	d.sup.Lock()
	for _, n := range nodes {
		if d.sup.stopNode(n.ID) != nil {
			res.AlreadyStopped = append(res.AlreadyStopped, n.ID)
		} else {
			res.Stopped = append(res.Stopped, nodeStopped{NodeID: n.ID, ServiceName: n.ServiceName})
		}
	}
	d.sup.Unlock()
	d.reply(w, 200, res)
}

// postReset: 409 {"error","nodes_running"} while nodes run; runtime state is not cleared (§7 #11)
// (server.rs:540-574).
func (d *daemon) postReset(w http.ResponseWriter) {
	d.sup.Lock()
	running, _, _ := d.sup.counts()
	d.sup.Unlock()
	if running > 0 {
		d.reply(w, 409, errBody{"error": fmt.Sprintf("Cannot reset while nodes are running (%d node(s) still running). Stop all nodes first.", running),
			"nodes_running": running})
		return
	}
	res, err := resetRegistry(d.f)
	if err != nil {
		d.reply(w, 500, errBody{"error": err.Error()})
		return
	}
	d.reload()
	d.reply(w, 200, res)
}
