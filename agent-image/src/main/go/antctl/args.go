package main

import (
	"strconv"
	"strings"
)

// The subcommands of antctl 0.14.2 that the stand-in implements, with their flags (contract §2 and §3), parsed
// with clap's rules as antctl uses them: long flags with a separate or `=` value, a single-valued flag given
// twice is an error, unknown flags are an error, conflicting flags are an error, and add's EVM network is a
// trailing subcommand after which add's flags are unknown.

type commandSpec struct {
	name      string
	usage     string
	options   map[string]optionSpec
	conflicts [][2]string
	evm       bool // add: the EVM network is a required trailing subcommand
}

var evmNetworks = []string{"evm-arbitrum-one", "evm-arbitrum-sepolia-test", "evm-custom", "evm-local"}

var commands = map[string]*commandSpec{}

func define(name, usage string, evm bool, conflicts [][2]string, options ...optionSpec) {
	byName := map[string]optionSpec{}
	for _, o := range options {
		byName[o.name] = o
	}
	commands[name] = &commandSpec{name, usage, byName, conflicts, evm}
}

// defineWithSelectors adds the targeting flags of start, stop, remove, upgrade and balance (contract §3).
func defineWithSelectors(name, usage string, conflicts [][2]string, options ...optionSpec) {
	conflicts = append(conflicts, [2]string{"service-name", "peer-id"})
	options = append(options, many("service-name", textType), many("peer-id", textType))
	define(name, usage, false, conflicts, options...)
}

func init() {
	define("add", "antctl add [OPTIONS] --rewards-address <REWARDS_ADDRESS> <COMMAND>", true,
		[][2]string{{"version", "url"}, {"path", "version"}, {"path", "url"}},
		value("count", u16Type), value("data-dir-path", textType), value("log-dir-path", textType),
		value("path", textType), value("version", textType), value("url", textType), value("node-port", portsType),
		value("metrics-port", portsType), value("rpc-port", portsType), value("rpc-address", textType),
		flag("no-upnp"), flag("relay"), many("env", envType), value("user", textType), flag("auto-restart"),
		flag("alpha"), value("network-id", u8Type), value("node-ip", ipv4Type), value("log-format", logFormatType),
		value("max-log-files", u64Type), value("max-archived-log-files", u64Type), flag("enable-metrics-server"),
		many("peer", textType), flag("first"), flag("local"), many("network-contacts-url", textType),
		flag("ignore-cache"), flag("write-older-cache-files"), value("rewards-address", addressType))
	defineWithSelectors("balance", "antctl balance [OPTIONS]", nil)
	defineWithSelectors("remove", "antctl remove [OPTIONS]", nil, flag("keep-directories"))
	define("reset", "antctl reset [OPTIONS]", false, nil, flag("force"))
	// bin/cli/main.rs:183-188, 408-437: --interval conflicts_with connection_timeout on start and upgrade
	defineWithSelectors("start", "antctl start [OPTIONS]", [][2]string{{"interval", "connection-timeout"}},
		value("connection-timeout", u64Type), value("interval", u64Type))
	define("status", "antctl status [OPTIONS]", false, [][2]string{{"json", "details"}},
		flag("details"), flag("fail"), flag("json"))
	defineWithSelectors("stop", "antctl stop [OPTIONS]", nil, value("interval", u64Type))
	defineWithSelectors("upgrade", "antctl upgrade [OPTIONS]",
		[][2]string{{"version", "url"}, {"path", "version"}, {"path", "url"}, {"interval", "connection-timeout"}},
		value("connection-timeout", u64Type), flag("do-not-start"), flag("force"), many("env", envType),
		value("path", textType), value("interval", u64Type), value("url", textType), value("version", textType))
}

// evmOptions are the options of add's EVM network subcommands; only evm-custom takes any.
func evmOptions(network string) map[string]optionSpec {
	if network != "evm-custom" {
		return map[string]optionSpec{}
	}
	return map[string]optionSpec{
		"rpc-url":                 value("rpc-url", textType),
		"payment-token-address":   value("payment-token-address", addressType),
		"data-payments-address":   value("data-payments-address", addressType),
		"merkle-payments-address": value("merkle-payments-address", addressType),
	}
}

// parsedArgs is a parsed antctl command line: the subcommand, its option values, and for add the EVM network
// and its options.
type parsedArgs struct {
	command    string
	options    map[string][]string
	evmNetwork string
	evmOptions map[string][]string
}

func (p *parsedArgs) has(name string) bool { _, ok := p.options[name]; return ok }

func (p *parsedArgs) value(name string) (string, bool) {
	v := p.options[name]
	if len(v) == 0 {
		return "", false
	}
	return v[0], true
}

func (p *parsedArgs) values(name string) []string { return p.options[name] }

func (p *parsedArgs) number(name string, fallback int64) int64 {
	v, ok := p.value(name)
	if !ok {
		return fallback
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n
}

func (p *parsedArgs) evmValue(name string) string {
	if v := p.evmOptions[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (spec *commandSpec) parse(args []string) *parsedArgs {
	options := map[string][]string{}
	i := parseOptions(spec.options, spec.usage, args, 0, options)
	evm := ""
	evmOpts := map[string][]string{}
	if i < len(args) {
		token := args[i]
		if !spec.evm {
			panic(&usageError{"unexpected argument '" + token + "' found", spec.usage})
		}
		if !contains(evmNetworks, token) {
			panic(&usageError{"unrecognized subcommand '" + token + "'", spec.usage})
		}
		evm = token
		evmUsage := "antctl add --rewards-address <REWARDS_ADDRESS> " + token
		if token == "evm-custom" {
			evmUsage += " [OPTIONS] --rpc-url <RPC_URL> --payment-token-address <PAYMENT_TOKEN_ADDRESS>" +
				" --data-payments-address <DATA_PAYMENTS_ADDRESS>"
		}
		end := parseOptions(evmOptions(token), evmUsage, args, i+1, evmOpts)
		if end < len(args) {
			panic(&usageError{"unexpected argument '" + args[end] + "' found", evmUsage})
		}
		requireCustomOptions(token, evmOpts, evmUsage)
	}
	for _, pair := range spec.conflicts {
		if _, a := options[pair[0]]; a {
			if _, b := options[pair[1]]; b {
				panic(&usageError{"the argument '" + spec.options[pair[0]].display() + "' cannot be used with '" +
					spec.options[pair[1]].display() + "'", spec.usage})
			}
		}
	}
	if spec.evm {
		if _, ok := options["rewards-address"]; !ok {
			panic(&usageError{"the following required arguments were not provided:\n" +
				"  --rewards-address <REWARDS_ADDRESS>", spec.usage})
		}
		if evm == "" {
			panic(&usageError{"'antctl " + spec.name + "' requires a subcommand but one was not provided\n" +
				"  [subcommands: " + strings.Join(evmNetworks, ", ") + ", help]", spec.usage})
		}
	}
	return &parsedArgs{spec.name, options, evm, evmOpts}
}

// parseOptions reads flags from args[from:] into `into` and returns the index of the first positional token
// (or the end).
func parseOptions(specs map[string]optionSpec, usage string, args []string, from int, into map[string][]string) int {
	i := from
	for i < len(args) {
		token := args[i]
		if !strings.HasPrefix(token, "-") || token == "-" {
			return i
		}
		var name string
		inline, hasInline := "", false
		if _, force := specs["force"]; token == "-f" && force {
			name = "force"
		} else if strings.HasPrefix(token, "--") && len(token) > 2 {
			name = token[2:]
			if eq := strings.Index(name, "="); eq >= 0 {
				name, inline, hasInline = name[:eq], name[eq+1:], true
			}
		} else {
			panic(&usageError{"unexpected argument '" + token + "' found", usage})
		}
		o, ok := specs[name]
		if !ok {
			panic(&usageError{"unexpected argument '--" + name + "' found\n\n  tip: to pass '--" + name +
				"' as a value, use '-- --" + name + "'", usage})
		}
		i = take(o, inline, hasInline, usage, args, i, into)
	}
	return i
}

func take(o optionSpec, inline string, hasInline bool, usage string, args []string, i int, into map[string][]string) int {
	if _, seen := into[o.name]; seen && !o.repeatable {
		panic(&usageError{"the argument '" + o.display() + "' cannot be used multiple times", usage})
	}
	next := i + 1
	var v string
	switch {
	case !o.takesValue():
		if hasInline {
			panic(&usageError{"unexpected value '" + inline + "' for '" + o.display() + "' found; no more were expected", usage})
		}
		v = "true"
	case hasInline:
		v = inline
	case next < len(args) && !strings.HasPrefix(args[next], "--"):
		v = args[next]
		next++
	default:
		panic(&usageError{"a value is required for '" + o.display() + "' but none was supplied", usage})
	}
	if o.takesValue() {
		if problem := o.check(v); problem != "" {
			panic(&usageError{"invalid value '" + v + "' for '" + o.display() + "': " + problem, usage})
		}
	}
	into[o.name] = append(into[o.name], v)
	return next
}

func requireCustomOptions(network string, options map[string][]string, usage string) {
	if network != "evm-custom" {
		return
	}
	var missing []string
	for _, required := range []string{"rpc-url", "payment-token-address", "data-payments-address"} {
		if _, ok := options[required]; !ok {
			missing = append(missing, "  "+evmOptions(network)[required].display())
		}
	}
	if len(missing) > 0 {
		panic(&usageError{"the following required arguments were not provided:\n" + strings.Join(missing, "\n"), usage})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
