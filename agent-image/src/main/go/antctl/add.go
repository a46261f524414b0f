package main

import (
	"encoding/json"
	"net"
	"os"
	"strconv"
	"strings"
)

// runAdd is `antctl add`: checks ports and counts, "downloads" antnode, and registers nodes without starting
// them (contract §2). refused lists service names whose install the scripted fault `add refuse=antnode2,...` fails.
func runAdd(c *ctx, p *parsedArgs, refused string) int {
	refusedNames := strings.Split(refused, ",")
	reg := loadRegistry(c.env.registryPath())
	count := int(p.number("count", 1))
	nodePorts := requestedPorts(p, "node-port", count, reg)
	metricsPorts := requestedPorts(p, "metrics-port", count, reg)
	rpcPorts := requestedPorts(p, "rpc-port", count, reg)
	// cmd/node.rs:78-90: banner, count, then (root only) the service user, then the download
	c.banner("Add Antnode Services")
	c.printf("%d service(s) to be added\n", count)
	if c.env.root {
		user, ok := p.value("user")
		if !ok {
			user = "ant"
		}
		serviceUser(c, user)
	}
	src := resolveBinary(c, p)
	if envs := p.values("env"); len(envs) > 0 {
		reg.environmentVariables = envPairs(envs)
	}
	var addedNodes []*node
	var failures []string
	// add_services/mod.rs:283: the number moves on after a failed node too, so a batch never reuses it.
	number := reg.nextNumber()
	for i := 0; i < count; i, number = i+1, number+1 {
		n := blankNode(number)
		describe(c, n, p, src)
		// An I/O error (directories, the binary copy) aborts the whole command, as the `?` on these steps does in
		// add_services/mod.rs; only the service install is collected per node.
		err := assignPorts(n, i, reg, nodePorts, metricsPorts, rpcPorts, p)
		if err == nil {
			err = os.MkdirAll(n.text("log_dir_path"), 0o777)
		}
		if err == nil {
			err = installBinary(src.binary, n.text("antnode_path"))
		}
		if err != nil {
			reg.save()
			panic(fail("Failed to add %s: %v", n.serviceName(), err))
		}
		refusal := c.env.services.refusal(!c.env.root)
		if contains(refusedNames, n.serviceName()) {
			refusal = "The service installation failed (scripted fault)"
		}
		if refusal != "" {
			failures = append(failures, "✕ "+n.serviceName()+": "+refusal)
			continue
		}
		reg.nodes = append(reg.nodes, n)
		reg.save()
		addedNodes = append(addedNodes, n)
	}
	reg.save()
	// add_services/mod.rs:301-320: Services Added and the Note for the nodes that were added, then the failures
	// ("✕ name: reason", no leading space), then the error.
	printAdded(c, addedNodes)
	if len(failures) > 0 {
		c.printf("Failed to add %d service(s):\n", len(failures))
		for _, f := range failures {
			c.println(f)
		}
		panic(&failure{msg: "Failed to add one or more services", code: 1,
			suggestion: "However, any services that were successfully added will be usable."})
	}
	return 0
}

// serviceUser prints what ant-service-management src/control.rs:157-208 prints; the stand-in never creates the
// account, it only says so.
func serviceUser(c *ctx, user string) {
	exists := false
	if passwd, err := os.ReadFile("/etc/passwd"); err == nil {
		for _, line := range strings.Split(string(passwd), "\n") {
			exists = exists || strings.HasPrefix(line, user+":")
		}
	}
	if exists {
		c.println("The " + user + " user already exists")
	} else {
		c.println("Created " + user + " user account for running the service")
	}
}

// requestedPorts parses a port flag and applies the count rule and the reservation check (contract §2: every
// entry's ports, Removed ones included; the OS is not asked). nil when the flag is absent.
func requestedPorts(p *parsedArgs, flag string, count int, reg *registry) *portArgument {
	v, ok := p.value(flag)
	if !ok {
		return nil
	}
	r, _ := parsePortArgument(v) // checked by the parser
	r.requireCount(count)
	reserved := reg.reservedPorts()
	for _, port := range r.ports() {
		if reserved[port] {
			panic(fail("Port %d is being used by another service", port))
		}
	}
	return &r
}

func assignPorts(n *node, index int, reg *registry, nodePorts, metricsPorts, rpcPorts *portArgument, p *parsedArgs) error {
	reserved := reg.reservedPorts()
	if nodePorts != nil {
		n.set("node_port", num(nodePorts.start+index))
	} else {
		port, err := freePort(true, reserved)
		if err != nil {
			return err
		}
		n.set("node_port", num(port))
	}
	if metricsPorts != nil {
		n.set("metrics_port", num(metricsPorts.start+index))
	} else {
		n.set("metrics_port", nil)
	}
	rpc := 0
	if rpcPorts != nil {
		rpc = rpcPorts.start + index
	} else {
		port, err := freePort(false, reserved)
		if err != nil {
			return err
		}
		rpc = port
	}
	address, ok := p.value("rpc-address")
	if !ok {
		address = "127.0.0.1"
	}
	n.set("rpc_socket_addr", address+":"+itoa(rpc))
	return nil
}

func describe(c *ctx, n *node, p *parsedArgs, src *binarySource) {
	dataPrefix, dataSet := p.value("data-dir-path")
	logPrefix, logSet := p.value("log-dir-path")
	data := c.env.dataDir(dataPrefix, dataSet, n.number())
	n.set("antnode_path", data+"/antnode")
	n.set("data_dir_path", data)
	n.set("log_dir_path", c.env.logDir(logPrefix, logSet, n.number()))
	n.set("alpha", p.has("alpha"))
	n.set("auto_restart", p.has("auto-restart"))
	n.set("no_upnp", p.has("no-upnp"))
	n.set("relay", p.has("relay"))
	n.set("write_older_cache_files", p.has("write-older-cache-files"))
	n.set("evm_network", evmNetwork(p))
	n.set("log_format", nil)
	if f, ok := p.value("log-format"); ok {
		n.set("log_format", map[bool]string{true: "Json", false: "Default"}[f == "json"])
	}
	for _, k := range []string{"max-archived-log-files", "max-log-files", "network-id"} {
		key := strings.ReplaceAll(k, "-", "_")
		n.set(key, nil)
		if v, ok := p.value(k); ok {
			n.set(key, numberText(v))
		}
	}
	n.set("node_ip", nil)
	if ip, ok := p.value("node-ip"); ok {
		n.set("node_ip", ip)
	}
	address, _ := p.value("rewards-address")
	n.set("rewards_address", strings.ToLower(address))
	if c.env.root {
		user, ok := p.value("user")
		if !ok {
			user = "ant"
		}
		n.set("user", user)
	} else {
		n.set("user", nil)
	}
	n.set("user_mode", !c.env.root)
	n.set("version", src.version)
	peers, _ := n.get("initial_peers_config").(*object)
	peers.set("first", p.has("first"))
	peers.set("addrs", stringList(p.values("peer")))
	peers.set("network_contacts_url", stringList(p.values("network-contacts-url")))
	peers.set("local", p.has("local"))
	peers.set("ignore_cache", p.has("ignore-cache"))
}

func evmNetwork(p *parsedArgs) interface{} {
	switch p.evmNetwork {
	case "evm-arbitrum-one":
		return "ArbitrumOne"
	case "evm-arbitrum-sepolia-test":
		return "ArbitrumSepoliaTest"
	}
	custom := newObject()
	if p.evmNetwork == "evm-local" {
		custom.set("rpc_url_http", "http://localhost:61611/")
		custom.set("payment_token_address", "0x5fbdb2315678afecb367f032d93f642f64180aa3")
		custom.set("data_payments_address", "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512")
	} else {
		custom.set("rpc_url_http", p.evmValue("rpc-url"))
		custom.set("payment_token_address", strings.ToLower(p.evmValue("payment-token-address")))
		custom.set("data_payments_address", strings.ToLower(p.evmValue("data-payments-address")))
	}
	custom.set("merkle_payments_address", nil)
	if m := p.evmValue("merkle-payments-address"); m != "" {
		custom.set("merkle_payments_address", strings.ToLower(m))
	}
	wrapper := newObject()
	wrapper.set("Custom", custom)
	return wrapper
}

// envPairs is how the registry keeps --env values: one [K, V] pair per occurrence, no comma splitting.
func envPairs(values []string) []interface{} {
	pairs := []interface{}{}
	for _, kv := range values {
		eq := strings.Index(kv, "=")
		pairs = append(pairs, []interface{}{kv[:eq], kv[eq+1:]})
	}
	return pairs
}

func stringList(values []string) []interface{} {
	list := []interface{}{}
	for _, v := range values {
		list = append(list, v)
	}
	return list
}

// freePort is a port the OS calls free now and no registry entry holds, like the real tool's random default.
func freePort(udp bool, reserved map[int]bool) (int, error) {
	for attempt := 0; attempt < 50; attempt++ {
		var port int
		if udp {
			conn, err := net.ListenUDP("udp", &net.UDPAddr{})
			if err != nil {
				return 0, err
			}
			port = conn.LocalAddr().(*net.UDPAddr).Port
			conn.Close()
		} else {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return 0, err
			}
			port = l.Addr().(*net.TCPAddr).Port
			l.Close()
		}
		if !reserved[port] {
			return port, nil
		}
	}
	return 0, errorText("no free port found")
}

func printAdded(c *ctx, added []*node) {
	if len(added) == 0 {
		return
	}
	c.println("Services Added:")
	for _, n := range added {
		c.println(" ✓ " + n.serviceName())
		c.println("    - Antnode path: " + n.text("antnode_path"))
		c.println("    - Data path: " + n.text("data_dir_path"))
		c.println("    - Log path: " + n.text("log_dir_path"))
		c.println("    - RPC port: " + n.text("rpc_socket_addr"))
	}
	c.println("[!] Note: newly added services have not been started")
}

func itoa(i int) string { return strconv.Itoa(i) }

// numberText is a validated decimal flag value as a JSON number (u8/u64 flags: checked by the parser).
func numberText(v string) json.Number {
	n, _ := strconv.ParseInt(v, 10, 64)
	return json.Number(strconv.FormatInt(n, 10))
}
