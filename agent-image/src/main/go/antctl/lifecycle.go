package main

import (
	"os"
	"strings"
)

// runStart is `antctl start`: per node, blocking for peers unless --interval; failures collected, then exit 1.
func runStart(c *ctx, p *parsedArgs) int {
	reg := loadRegistry(c.env.registryPath())
	// cmd/node.rs (start): banner, full refresh (aborts on a node that does not answer), then the selection
	c.banner("Start Antnode Services")
	fullRefresh(c, reg)
	selected := selectNodes(reg, p)
	interval := p.has("interval")
	timeout := p.number("connection-timeout", 300)
	var failures []string
	for _, n := range selected {
		if n.status() == running {
			c.println("The " + n.serviceName() + " service is already running")
			continue
		}
		if interval {
			pause(p.number("interval", 0))
		}
		c.println("Attempting to start " + n.serviceName() + "...")
		if f := catch(func() { startNode(reg, n, !interval, timeout) }); f != nil {
			reg.save()
			failures = append(failures, "✕ "+n.serviceName()+": "+f.msg)
			continue
		}
		c.println("✓ Started " + n.serviceName() + " service")
		// lib.rs:143-161
		c.println("  - PID: " + n.text("pid"))
		c.println("  - Bin path: " + n.text("antnode_path"))
		c.println("  - Data path: " + n.text("data_dir_path"))
		c.println("  - Logs path: " + n.text("log_dir_path"))
	}
	reportFailures(c, "start", failures)
	return 0
}

// reportFailures prints the collected per-node failures ("✕ name: reason", no leading space) and aborts.
func reportFailures(c *ctx, verb string, failures []string) {
	if len(failures) == 0 {
		return
	}
	c.printf("Failed to %s %d service(s):\n", verb, len(failures))
	for _, f := range failures {
		c.println(f)
	}
	panic(fail("Failed to %s one or more services", verb))
}

// runStop is `antctl stop`: SIGTERM per node; keeps peer_id, clears pid and connected_peers.
func runStop(c *ctx, p *parsedArgs) int {
	reg := loadRegistry(c.env.registryPath())
	// cmd/node.rs (stop): banner, full refresh (aborts on a node that does not answer), then the selection
	c.banner("Stop Antnode Services")
	fullRefresh(c, reg)
	var failures []string
	for i, n := range selectNodes(reg, p) {
		if p.has("interval") && i > 0 {
			pause(p.number("interval", 0))
		}
		if f := catch(func() { stopNode(c, reg, n) }); f != nil {
			failures = append(failures, "✕ "+n.serviceName()+": "+f.msg)
		}
	}
	reportFailures(c, "stop", failures)
	return 0
}

func stopNode(c *ctx, reg *registry, n *node) {
	switch n.status() {
	case added:
		c.println("Service " + n.serviceName() + " has not been started since it was installed")
	case stopped, removed:
		c.println("✓ Service " + n.serviceName() + " was already stopped")
	default:
		pid := n.pid()
		c.println("Attempting to stop " + n.serviceName() + "...") // lib.rs:194
		terminate(pid, n.text("antnode_path"))
		n.markStopped()
		reg.save()
		c.printf("✓ Service %s with PID %d was stopped\n", n.serviceName(), pid)
	}
}

// runRemove is `antctl remove`: entries stay as Removed (contract §3); only reset deletes the registry.
func runRemove(c *ctx, p *parsedArgs) int {
	reg := loadRegistry(c.env.registryPath())
	// cmd/node.rs:202-225: banner, full refresh (aborts on a node that does not answer), then the selection
	c.banner("Remove Antnode Services")
	fullRefresh(c, reg)
	var failures []string
	for _, n := range selectNodes(reg, p) {
		if n.status() == running {
			failures = append(failures, "✕ "+n.serviceName()+": Unable to remove a running service ["+
				n.serviceName()+"], stop this service first before removing")
			continue
		}
		if err := removeNode(c, reg, n, p.has("keep-directories")); err != nil {
			failures = append(failures, "✕ "+n.serviceName()+": "+err.Error())
		}
	}
	reportFailures(c, "remove", failures)
	return 0
}

// runReset is cmd/node.rs:257-294: banner, the prompt, then stop and remove (each with its full refresh), then
// the registry file.
func runReset(c *ctx, p *parsedArgs) int {
	c.banner("Reset Antnode Services")
	if !p.has("force") {
		c.println("WARNING: all antnode services, data, and logs will be removed.")
		c.println("Do you wish to proceed? [y/n]")
		answer, err := c.in.ReadString('\n')
		if (err != nil && answer == "") || !strings.EqualFold(strings.TrimSpace(answer), "y") {
			c.println("Reset aborted")
			return 0
		}
	}
	reg := loadRegistry(c.env.registryPath())
	fullRefresh(c, reg)
	for _, n := range reg.nodes {
		if n.status() != removed {
			stopNode(c, reg, n)
		}
	}
	for _, n := range reg.nodes {
		if n.status() != removed {
			if err := removeNode(c, reg, n, false); err != nil {
				panic(fail("Failed to remove %s: %v", n.serviceName(), err))
			}
		}
	}
	reg.delete()
	return 0
}

func removeNode(c *ctx, reg *registry, n *node, keepDirectories bool) error {
	if !keepDirectories {
		for _, dir := range []string{n.text("data_dir_path"), n.text("log_dir_path")} {
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
		}
	}
	n.setStatus(removed)
	n.set("pid", nil)
	n.set("connected_peers", nil)
	reg.save()
	c.println("✓ Service " + n.serviceName() + " was removed")
	return nil
}
