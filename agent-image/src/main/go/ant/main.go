// Command ant is the stand-in for the `ant` CLI 0.2.0 (crate ant-cli, WithAutonomi/ant-client @ 97587c2):
// the global rules and every `ant node` subcommand, including the node management daemon.
// The reference is docs/contracts/ant-v2-contract.md; upstream file:line citations use `AC:` for ant-client.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// antVersion is what `ant --version` prints (clap `#[command(version)]`, AC: ant-cli/src/cli.rs:15; §1).
const antVersion = "0.2.0"

// cliError is a runtime error: `Error: <msg>` on stderr, exit 1 (AC: ant-cli/src/main.rs:29-35; §1).
type cliError struct{ msg string }

func (e *cliError) Error() string { return e.msg }

func fail(format string, a ...interface{}) error { return &cliError{fmt.Sprintf(format, a...)} }

var stdout = bufio.NewWriterSize(os.Stdout, 64*1024)

func println(a ...interface{})               { fmt.Fprintln(stdout, a...) }
func printf(format string, a ...interface{}) { fmt.Fprintf(stdout, format, a...) }

func main() {
	code := run(os.Args[1:])
	// The process flushes stdout, then exits with the code (AC: ant-cli/src/main.rs:37-44; §1).
	stdout.Flush()
	os.Exit(code)
}

// topLevel holds the top-level options of `ant`. They belong to data commands and are not global
// (AC: ant-cli/src/cli.rs:21-75; §1), so they are accepted only before the subcommand and ignored.
var topLevel = command{path: "ant", usage: "ant [OPTIONS] <COMMAND>", about: "Autonomi network client", options: []option{
	{name: "bootstrap", short: 'b', value: "<BOOTSTRAP>", repeat: true, delimiter: true},
	{name: "devnet-manifest", value: "<DEVNET_MANIFEST>"},
	{name: "allow-loopback"},
	{name: "ipv4-only"},
	{name: "quote-timeout-secs", value: "<QUOTE_TIMEOUT_SECS>"},
	{name: "store-timeout-secs", value: "<STORE_TIMEOUT_SECS>"},
	{name: "quote-concurrency", value: "<QUOTE_CONCURRENCY>"},
	{name: "store-concurrency", value: "<STORE_CONCURRENCY>"},
	{name: "verbose", short: 'v', repeat: true},
	{name: "evm-network", value: "<EVM_NETWORK>"},
}}

func run(args []string) int {
	jsonOut := false
	// Split the top-level options from the subcommand.
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "-V" || a == "--version" {
			println("ant " + antVersion)
			return 0
		}
		if !strings.HasPrefix(a, "-") {
			break
		}
		if strings.HasPrefix(a, "-v") && strings.Trim(a[1:], "v") == "" {
			continue // -v, -vv, -vvv: ignored for node commands (AC: ant-cli/src/main.rs:53)
		}
		o := findTop(a)
		if o != nil && o.value != "" && !strings.Contains(a, "=") {
			i++
		}
		if o == nil && a != "--json" && a != "-h" && a != "--help" {
			return usage(&usageError{msg: fmt.Sprintf("unexpected argument '%s' found", a), usage: topLevel.usage})
		}
		if a == "--json" {
			jsonOut = true
		}
		if a == "-h" || a == "--help" {
			printf("%s", topLevel.help())
			return 0
		}
	}
	rest := args[i:]
	if len(rest) == 0 {
		return usage(&usageError{msg: "'ant' requires a subcommand but one was not provided\n  [subcommands: node, wallet, file, chunk, update, help]", usage: topLevel.usage})
	}
	switch rest[0] {
	case "node":
		return runNode(rest[1:], jsonOut)
	case "wallet", "file", "chunk", "update":
		// Data commands are out of scope (§1); the stand-in says so instead of pretending.
		return report(fail("the ant stand-in does not implement '%s' (only 'ant node' is implemented)", rest[0]))
	default:
		return usage(&usageError{msg: fmt.Sprintf("unrecognized subcommand '%s'", rest[0]), usage: topLevel.usage})
	}
}

func findTop(a string) *option {
	if strings.HasPrefix(a, "--") {
		name := a[2:]
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name = name[:eq]
		}
		return topLevel.find(name)
	}
	if len(a) == 2 {
		return topLevel.findShort(a[1])
	}
	return nil
}

// nodeCommands lists the only `ant node` subcommands (AC: ant-cli/src/commands/node/mod.rs:17-34; §2).
var nodeCommands = "add, daemon, reset, start, status, stop, help"

func runNode(args []string, jsonOut bool) int {
	// --json may precede the subcommand name too (global = true).
	for len(args) > 0 && args[0] == "--json" {
		jsonOut = true
		args = args[1:]
	}
	if len(args) == 0 {
		return usage(&usageError{msg: "'ant node' requires a subcommand but one was not provided\n  [subcommands: " + nodeCommands + "]", usage: "ant node <COMMAND>"})
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printf("Manage nodes\n\nUsage: ant node <COMMAND>\n\nCommands:\n  add     Add one or more nodes to the registry\n  daemon  Manage the node daemon\n  reset   Reset all node state (removes all data, logs, and clears the registry)\n  start   Start node(s). With no arguments starts all nodes; use --service-name for a specific node.\n  status  Show the status of all registered nodes\n  stop    Stop node(s). With no arguments stops all nodes; use --service-name for a specific node.\n")
		return 0
	}
	if args[0] == "daemon" {
		return runDaemonCommand(args[1:], jsonOut)
	}
	var spec *command
	var action func(parsed, bool) error
	switch args[0] {
	case "add":
		spec, action = &addCommand, runAdd
	case "start":
		spec, action = &startCommand, runStart
	case "stop":
		spec, action = &stopCommand, runStop
	case "status":
		spec, action = &statusCommand, runStatus
	case "reset":
		spec, action = &resetCommand, runReset
	default:
		// There is no remove, restart or upgrade (§2).
		return usage(&usageError{msg: fmt.Sprintf("unrecognized subcommand '%s'", args[0]), usage: "ant node <COMMAND>"})
	}
	p, err := spec.parse(args[1:], &jsonOut)
	if err != nil {
		if _, ok := err.(helpRequested); ok {
			printf("%s", spec.help())
			return 0
		}
		return usage(err.(*usageError))
	}
	return report(action(p, jsonOut))
}

var daemonCommand = command{path: "ant node daemon", usage: "ant node daemon <COMMAND>"}

func runDaemonCommand(args []string, jsonOut bool) int {
	for len(args) > 0 && args[0] == "--json" {
		jsonOut = true
		args = args[1:]
	}
	if len(args) == 0 {
		return usage(&usageError{msg: "'ant node daemon' requires a subcommand but one was not provided\n  [subcommands: start, stop, status, info, help]", usage: daemonCommand.usage})
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printf("Manage the node daemon\n\nUsage: ant node daemon <COMMAND>\n\nCommands:\n  start   Launch the daemon as a detached background process\n  stop    Shut down the running daemon\n  status  Show whether the daemon is running and summary stats\n  info    Output connection details for programmatic use (always JSON)\n")
		return 0
	}
	sub := args[0]
	switch sub {
	case "start", "stop", "status", "info", "run":
	default:
		return usage(&usageError{msg: fmt.Sprintf("unrecognized subcommand '%s'", sub), usage: daemonCommand.usage})
	}
	spec := command{path: "ant node daemon " + sub, usage: "ant node daemon " + sub}
	if _, err := spec.parse(args[1:], &jsonOut); err != nil {
		if _, ok := err.(helpRequested); ok {
			printf("%s", spec.help())
			return 0
		}
		return usage(err.(*usageError))
	}
	return report(daemonAction(sub, jsonOut))
}

func usage(u *usageError) int {
	os.Stderr.WriteString(u.text())
	return 2
}

// report turns an action's error into the exit code: nothing on stdout, `Error: <msg>` on stderr, exit 1
// (AC: ant-cli/src/main.rs:29-35). Lines printed before the error (progress lines) stay, as with Rust's
// line-buffered stdout.
func report(err error) int {
	if err == nil {
		return 0
	}
	stdout.Flush()
	fmt.Fprintf(os.Stderr, "Error: %s\n", err.Error())
	return 1
}

// printJSON prints serde_json::to_string_pretty (2-space indent) or to_string (compact) of v.
func printJSON(v interface{}, pretty bool) {
	println(jsonText(v, pretty))
}

func jsonText(v interface{}, pretty bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // serde_json does not escape <, > and &
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
