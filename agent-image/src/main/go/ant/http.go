package main

// The daemon's REST API (§3.3; AC: ant-core/src/node/daemon/server.rs:138-574). Success bodies follow
// struct field order; error bodies come from serde_json::json! so their keys are alphabetical (Go maps
// marshal sorted, which gives the same order).

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

type errBody map[string]interface{}

func (d *daemon) reply(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	io.WriteString(w, jsonText(v, false))
}

func (d *daemon) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// CORS allows only the daemon's own origin (server.rs:142-149); clients without Origin are unaffected.
	origin := fmt.Sprintf("http://127.0.0.1:%d", d.port)
	if r.Header.Get("Origin") == origin {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Vary", "origin, access-control-request-method, access-control-request-headers")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			w.Header().Set("Access-Control-Allow-Methods", "*")
			w.Header().Set("Access-Control-Allow-Headers", "*")
			w.WriteHeader(http.StatusOK)
			return
		}
	}
	path := r.URL.Path
	route := func(method string, h func()) {
		if r.Method != method {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		h()
	}
	switch path {
	case "/console":
		route("GET", func() { d.console(w) })
	case "/api/v1/status":
		route("GET", func() { d.getStatus(w) })
	case "/api/v1/events":
		route("GET", func() { d.getEvents(w, r) })
	case "/api/v1/nodes/status":
		route("GET", func() { d.getNodesStatus(w) })
	case "/api/v1/nodes":
		route("POST", func() { d.postNodes(w, r) })
	case "/api/v1/nodes/start-all":
		route("POST", func() { d.postStartAll(w) })
	case "/api/v1/nodes/stop-all":
		route("POST", func() { d.postStopAll(w) })
	case "/api/v1/reset":
		route("POST", func() { d.postReset(w) })
	case "/api/v1/openapi.json":
		route("GET", func() { d.reply(w, 200, openAPI) })
	default:
		d.nodeRoutes(w, r)
	}
}

// nodeRoutes: /api/v1/nodes/{id}[/start|/stop]; a non-numeric id is axum's 400, an unknown path an empty 404.
func (d *daemon) nodeRoutes(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/api/v1/nodes/")
	if rest == r.URL.Path || rest == "" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	parts := strings.Split(rest, "/")
	if len(parts) > 2 || (len(parts) == 2 && parts[1] != "start" && parts[1] != "stop") {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	want := map[bool]string{true: "POST", false: ""}[len(parts) == 2]
	if (want == "POST" && r.Method != "POST") || (want == "" && r.Method != "GET" && r.Method != "DELETE") {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	id64, err := strconv.ParseUint(parts[0], 10, 32)
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, "Invalid URL: Cannot parse `%s` to a `u32`", parts[0])
		return
	}
	id := uint32(id64)
	switch {
	case len(parts) == 2 && parts[1] == "start":
		d.postStartNode(w, id)
	case len(parts) == 2:
		d.postStopNode(w, id)
	case r.Method == "GET":
		d.getNode(w, id)
	default:
		d.deleteNode(w, id)
	}
}

// getStatus: running, pid, the bound port, uptime, nodes_total from the registry, the rest from runtime
// entries only (server.rs:171-186).
func (d *daemon) getStatus(w http.ResponseWriter) {
	d.regMu.RLock()
	total := uint32(len(d.reg.Nodes))
	d.regMu.RUnlock()
	d.sup.RLock()
	running, stopped, errored := d.sup.counts()
	d.sup.RUnlock()
	pid, port, up := uint32(os.Getpid()), uint16(d.port), uint64(time.Since(d.started)/time.Second)
	d.reply(w, 200, daemonStatusResult{Running: true, Pid: &pid, Port: &port, UptimeSecs: &up, NodesTotal: total,
		NodesRunning: running, NodesStopped: stopped, NodesErrored: errored})
}

// getNodesStatus: every registry node; total_running counts running/starting/upgrade_scheduled
// (server.rs:212-252).
func (d *daemon) getNodesStatus(w http.ResponseWriter) {
	d.regMu.RLock()
	d.sup.RLock()
	res := statusResult{Nodes: []nodeSummary{}}
	for _, n := range d.reg.list() {
		st := d.sup.status(n.ID)
		if st == "running" || st == "starting" || st == "upgrade_scheduled" {
			res.TotalRunning++
		} else {
			res.TotalStopped++
		}
		res.Nodes = append(res.Nodes, nodeSummary{NodeID: n.ID, Name: n.ServiceName, Version: n.Version, Status: st,
			Pid: d.sup.pid(n.ID), UptimeSecs: d.sup.uptime(n.ID), PendingVersion: d.sup.pending(n.ID)})
	}
	d.sup.RUnlock()
	d.regMu.RUnlock()
	d.reply(w, 200, res)
}

// nodeInfo is NodeInfo: the NodeConfig flattened, then status, pid and uptime_secs (null when absent),
// pending_version only when set (AC: types.rs:100-111).
type nodeInfo struct {
	NodeConfig
	Status         string  `json:"status"`
	Pid            *uint32 `json:"pid"`
	UptimeSecs     *uint64 `json:"uptime_secs"`
	PendingVersion *string `json:"pending_version,omitempty"`
}

func (d *daemon) config(id uint32) *NodeConfig {
	d.regMu.RLock()
	defer d.regMu.RUnlock()
	if n := d.reg.get(id); n != nil {
		c := *n
		return &c
	}
	return nil
}

func (d *daemon) notFound(w http.ResponseWriter, id uint32) {
	d.reply(w, 404, errBody{"error": fmt.Sprintf("Node not found: %d", id)})
}

func (d *daemon) getNode(w http.ResponseWriter, id uint32) {
	n := d.config(id)
	if n == nil {
		d.notFound(w, id)
		return
	}
	d.sup.RLock()
	info := nodeInfo{NodeConfig: *n, Status: d.sup.status(id), Pid: d.sup.pid(id), UptimeSecs: d.sup.uptime(id), PendingVersion: d.sup.pending(id)}
	d.sup.RUnlock()
	d.reply(w, 200, info)
}

// requiredAddKeys are AddNodeOpts' non-Option fields; a missing one is axum's 422.
var requiredAddKeys = []string{"count", "rewards_address", "network_id", "binary_source", "bootstrap_peers", "env_variables"}

// postNodes: 201 AddNodeResult; any core error is 400 {"error"} (server.rs:286-307). Framework
// rejections: 415 without a JSON content type, 400 for malformed JSON, 422 for a missing field.
func (d *daemon) postNodes(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		w.WriteHeader(http.StatusUnsupportedMediaType)
		io.WriteString(w, "Expected request with `Content-Type: application/json`")
		return
	}
	body, _ := io.ReadAll(r.Body)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, "Failed to parse the request body as JSON: "+err.Error())
		return
	}
	var opts addOpts
	err := json.Unmarshal(body, &opts)
	for _, k := range requiredAddKeys {
		if _, ok := raw[k]; !ok && err == nil {
			err = fmt.Errorf("missing field `%s`", k)
		}
	}
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, "Failed to deserialize the JSON body into the target type: "+err.Error())
		return
	}
	res, err := addNodes(&opts, d.f, noProgress{})
	if err != nil {
		d.reply(w, 400, errBody{"error": err.Error()})
		return
	}
	d.reload()
	d.reply(w, 201, res)
}

// reload re-reads the registry from disk after a change made through the file (server.rs:295-299).
func (d *daemon) reload() {
	d.regMu.Lock()
	if fresh, err := loadRegistry(d.f.registry); err == nil {
		d.reg = fresh
	}
	d.regMu.Unlock()
}

// getEvents streams events to one subscriber until it disconnects (server.rs:188-209).
func (d *daemon) getEvents(w http.ResponseWriter, r *http.Request) {
	ch := d.events.subscribe()
	defer d.events.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(200)
	flusher, _ := w.(http.Flusher)
	if flusher != nil {
		flusher.Flush()
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case data := <-ch:
			if _, err := w.Write(data); err != nil {
				return
			}
			if flusher != nil {
				flusher.Flush()
			}
		}
	}
}

// console: the stand-in serves a placeholder page; the real console UI is left out (README.md).
func (d *daemon) console(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<!DOCTYPE html>\n<html><head><title>Node Console</title></head><body><h1>Node Console</h1>"+
		"<p>ant stand-in: the console UI is not reproduced; use /api/v1.</p></body></html>\n")
}

// openAPI: the hand-written spec's title, version and paths (incomplete upstream too: no GET /nodes/{id},
// no /nodes/status) without the schema bodies (server.rs:576-800).
var openAPI = map[string]interface{}{
	"openapi": "3.1.0",
	"info":    map[string]string{"title": "Ant Daemon API", "version": "0.1.0", "description": "REST API for the ant node management daemon"},
	"paths": map[string]interface{}{
		"/api/v1/status":           map[string]interface{}{"get": map[string]string{"summary": "Daemon status"}},
		"/api/v1/events":           map[string]interface{}{"get": map[string]string{"summary": "Event stream"}},
		"/api/v1/nodes":            map[string]interface{}{"post": map[string]string{"summary": "Add nodes"}},
		"/api/v1/nodes/{id}":       map[string]interface{}{"delete": map[string]string{"summary": "Remove node"}},
		"/api/v1/nodes/{id}/start": map[string]interface{}{"post": map[string]string{"summary": "Start a node"}},
		"/api/v1/nodes/start-all":  map[string]interface{}{"post": map[string]string{"summary": "Start all nodes"}},
		"/api/v1/nodes/{id}/stop":  map[string]interface{}{"post": map[string]string{"summary": "Stop a node"}},
		"/api/v1/nodes/stop-all":   map[string]interface{}{"post": map[string]string{"summary": "Stop all nodes"}},
		"/api/v1/reset":            map[string]interface{}{"post": map[string]string{"summary": "Reset all nodes"}},
	},
}
