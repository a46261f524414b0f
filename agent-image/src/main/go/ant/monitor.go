package main

// The per-node monitor of a node this daemon spawned: crash restarts and upgrade respawns (§3.6, §3.8;
// AC: ant-core/src/node/daemon/supervisor.rs:724-934).

import (
	"fmt"
	"os"
	"time"
)

// monitor is monitor_node: watches a node this daemon spawned; removes node.pid on a terminal exit
// (supervisor.rs:724-879).
func (s *supervisor) monitor(n *NodeConfig, exited chan exitInfo) {
	defer os.Remove(nodePidFile(n.DataDir))
	for exited != nil {
		info := <-exited
		s.RLock()
		st := s.status(n.ID)
		s.RUnlock()
		switch {
		case st == "stopped" || st == "stopping":
			return
		case st == "upgrade_scheduled" || s.upgradedOnDisk(n, info):
			exited = s.upgradeOrError(n)
		default:
			exited = s.crashed(n, info)
		}
	}
}

// upgradedOnDisk: an exit 0 with a changed binary on disk is an upgrade, re-checked at exit (§3.8 step 3).
func (s *supervisor) upgradedOnDisk(n *NodeConfig, info exitInfo) bool {
	if info.code == nil || *info.code != 0 {
		return false
	}
	v, err := extractVersion(n.BinaryPath)
	if err != nil || v == n.Version {
		return false
	}
	s.Lock()
	s.markUpgradeScheduled(n.ID, v)
	s.Unlock()
	return true
}

func (s *supervisor) upgradeOrError(n *NodeConfig) chan exitInfo {
	next, err := s.respawnUpgraded(n)
	if err != nil {
		s.events.send(event{"type": "node_errored", "node_id": n.ID, "message": "Failed to respawn after upgrade: " + err.Error()})
		s.Lock()
		s.update(n.ID, "errored", nil)
		s.Unlock()
		return nil
	}
	return next
}

// crashed: node_crashed, then errored at the 5th crash, or node_restarting, the backoff (the status stays
// running with the dead pid, §3.6) and a respawn. Returns nil when monitoring ends.
func (s *supervisor) crashed(n *NodeConfig, info exitInfo) chan exitInfo {
	var code interface{}
	if info.code != nil {
		code = *info.code
	}
	s.events.send(event{"type": "node_crashed", "node_id": n.ID, "exit_code": code})
	s.Lock()
	restart, attempt, backoff := s.recordCrash(n.ID)
	s.Unlock()
	if !restart {
		s.events.send(event{"type": "node_errored", "node_id": n.ID,
			"message": fmt.Sprintf("Node crashed %d times within %d seconds, giving up", maxCrashesBeforeErrored, int(crashWindow/time.Second))})
		return nil
	}
	s.events.send(event{"type": "node_restarting", "node_id": n.ID, "attempt": attempt})
	time.Sleep(backoff)
	pid, next, err := spawnNode(n)
	if err != nil {
		s.events.send(event{"type": "node_errored", "node_id": n.ID, "message": "Failed to restart node: " + err.Error()})
		s.Lock()
		s.update(n.ID, "errored", nil)
		s.Unlock()
		return nil
	}
	s.Lock()
	s.update(n.ID, "running", &pid)
	s.Unlock()
	s.events.send(event{"type": "node_started", "node_id": n.ID, "pid": pid})
	return next
}

// respawnUpgraded: spawn at once (no backoff, no crash count), save the new version to the registry,
// clear pending_version, then node_started and node_upgraded (supervisor.rs:885-934).
func (s *supervisor) respawnUpgraded(n *NodeConfig) (chan exitInfo, error) {
	old := n.Version
	pid, exited, err := spawnNode(n)
	if err != nil {
		return nil, err
	}
	newVersion, verr := extractVersion(n.BinaryPath)
	if verr == nil {
		n.Version = newVersion
		s.d.regMu.Lock()
		if stored := s.d.reg.get(n.ID); stored != nil {
			stored.Version = newVersion
			s.d.reg.save()
		}
		s.d.regMu.Unlock()
	}
	s.Lock()
	if st := s.states[n.ID]; st != nil {
		now := time.Now()
		st.status, st.pid, st.startedAt, st.pendingVersion = "running", &pid, &now, nil
		st.restartCount, st.firstCrashAt = 0, nil
	}
	s.Unlock()
	s.events.send(event{"type": "node_started", "node_id": n.ID, "pid": pid})
	if verr == nil {
		s.events.send(event{"type": "node_upgraded", "node_id": n.ID, "old_version": old, "new_version": newVersion})
	}
	return exited, nil
}
