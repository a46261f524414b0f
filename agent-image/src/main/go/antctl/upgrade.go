package main

import "strings"

// runUpgrade is `antctl upgrade` (cmd/node.rs:453-600): banner, "download", full refresh, the "all at the latest
// version" check over every registry entry, then per selected node; the summary lines are cmd/mod.rs:100-132.
func runUpgrade(c *ctx, p *parsedArgs) int {
	reg := loadRegistry(c.env.registryPath())
	// cmd/node.rs:470: a custom binary (--path) always forces, whatever its version.
	_, custom := p.value("path")
	force := p.has("force") || custom
	c.banner("Upgrade Antnode Services")
	src := resolveBinary(c, p)
	fullRefresh(c, reg)
	if envs := p.values("env"); len(envs) > 0 {
		reg.environmentVariables = envPairs(envs)
		reg.save()
	}
	// cmd/node.rs:504-523: every entry counts, Removed ones and unselected ones included.
	if !force && allAtOrAbove(reg, src.version) {
		c.println("✓ All nodes are at the latest version")
		return 0
	}
	var summary []string
	failed := false
	for _, n := range selectNodes(reg, p) {
		if !force && compareVersions(src.version, n.text("version")) <= 0 {
			summary = append(summary, "- "+n.serviceName()+" did not require an upgrade")
			continue
		}
		line := upgradeOne(c, reg, n, src, p, force)
		failed = failed || strings.HasPrefix(line, "✕")
		summary = append(summary, line)
		// cmd/node.rs:560-566: the interval follows each node that needed an upgrade.
		if p.has("interval") {
			pause(p.number("interval", 0))
		}
	}
	c.println("Upgrade summary:")
	for _, line := range summary {
		c.println(line)
	}
	if failed {
		panic(&failure{msg: "There was a problem upgrading one or more nodes", code: 1, suggestion: "For any " +
			"services that were upgraded but did not start, you can attempt to start them again using the 'start' command."})
	}
	return 0
}

func allAtOrAbove(reg *registry, version string) bool {
	for _, n := range reg.nodes {
		if compareVersions(version, n.text("version")) > 0 {
			return false
		}
	}
	return true
}

// upgradeOne upgrades one node and returns its summary line (cmd/mod.rs:107-130).
func upgradeOne(c *ctx, reg *registry, n *node, src *binarySource, p *parsedArgs, force bool) string {
	name, from, to := n.serviceName(), n.text("version"), src.version
	var installErr error
	if f := catch(func() {
		if n.status() == running {
			terminate(n.pid(), n.text("antnode_path"))
			n.markStopped()
		}
		installErr = installBinary(src.binary, n.text("antnode_path"))
		if installErr == nil {
			n.set("version", to)
			reg.save()
		}
	}); f != nil {
		installErr = f
	}
	if installErr != nil {
		reg.save()
		return "✕ " + name + " was not upgraded: Error: " + installErr.Error()
	}
	if !p.has("do-not-start") {
		if f := catch(func() { startNode(reg, n, !p.has("interval"), p.number("connection-timeout", 300)) }); f != nil {
			reg.save()
			return "✕ " + name + " was upgraded from " + from + " to " + to + " but it did not start"
		}
	}
	if force {
		return "✓ Forced " + name + " version change from " + from + " to " + to + "."
	}
	return "✓ " + name + " upgraded from " + from + " to " + to
}
