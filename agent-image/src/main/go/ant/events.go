package main

// Server-sent events: `event: <type>\ndata: <json>\n\n`, the JSON tagged with `type` first, then the
// variant's fields in declaration order; no id, no retry, no keep-alive, no replay; a 256-event buffer
// per subscriber, a lagging client skips events (§3.7; AC: ant-core/src/node/events.rs,
// daemon/server.rs:188-209).

import (
	"bytes"
	"encoding/json"
	"sync"
)

type event map[string]interface{}

// eventFieldOrder is the field order of the NodeEvent variants (events.rs).
var eventFieldOrder = []string{"node_id", "pid", "exit_code", "attempt", "message", "pending_version", "old_version", "new_version"}

func (e event) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"type":`)
	t, _ := json.Marshal(e["type"])
	b.Write(t)
	for _, k := range eventFieldOrder {
		v, ok := e[k]
		if !ok {
			continue
		}
		val, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.WriteString(`,"` + k + `":`)
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type broadcaster struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

func newBroadcaster() *broadcaster { return &broadcaster{subs: map[chan []byte]struct{}{}} }

func (b *broadcaster) send(e event) {
	data := []byte("event: " + e["type"].(string) + "\ndata: " + jsonText(e, false) + "\n\n")
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- data:
		default: // lagged: the event is skipped for this client
		}
	}
}

func (b *broadcaster) subscribe() chan []byte {
	ch := make(chan []byte, 256)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch
}

func (b *broadcaster) unsubscribe(ch chan []byte) {
	b.mu.Lock()
	delete(b.subs, ch)
	b.mu.Unlock()
}
