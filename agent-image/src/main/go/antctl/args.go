package main

import (
	"regexp"
	"strconv"
	"strings"
)

// The subcommands of antctl 0.14.2 that the stand-in implements, with their flags (contract §2 and §3), parsed
// with clap's rules as antctl uses them: long flags with a separate or `=` value, a single-valued flag given
// twice is an error, unknown flags are an error, conflicting flags are an error, and add's EVM network is a
// trailing subcommand after which add's flags are unknown.

type valueType int

const (
	flagType valueType = iota
	textType
	u8Type
	u16Type
	u64Type
	portsType
	addressType
	envType
	logFormatType
	ipv4Type
)

// optionSpec is one flag of a subcommand: its long name, its value type, and whether it may repeat.
type optionSpec struct {
	name       string
	typ        valueType
	repeatable bool
}

func flag(name string) optionSpec               { return optionSpec{name, flagType, false} }
func value(name string, t valueType) optionSpec { return optionSpec{name, t, false} }
func many(name string, t valueType) optionSpec  { return optionSpec{name, t, true} }
func (o optionSpec) takesValue() bool           { return o.typ != flagType }

// display is clap's rendering of the argument in error messages, e.g. `--count <COUNT>`.
func (o optionSpec) display() string {
	if !o.takesValue() {
		return "--" + o.name
	}
	return "--" + o.name + " <" + strings.ReplaceAll(strings.ToUpper(o.name), "-", "_") + ">"
}

var evmAddress = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// check validates a value the way the real tool's value parser does; it returns an error text or "".
func (o optionSpec) check(v string) string {
	switch o.typ {
	case u8Type:
		return unsigned(v, 255) // --network-id: Option<u8> (bin/cli/main.rs:331-339)
	case u16Type:
		return unsigned(v, 65535)
	case u64Type:
		return unsigned(v, 1<<63-1)
	case ipv4Type:
		return ipv4(v) // --node-ip: Option<Ipv4Addr> (bin/cli/main.rs:331-339)
	case portsType:
		if _, err := parsePortArgument(v); err != nil {
			return err.Error()
		}
	case addressType:
		if !evmAddress.MatchString(v) {
			return "Invalid EVM address"
		}
	case envType:
		if strings.Index(v, "=") <= 0 {
			return "Environment variable must be in the format KEY=VALUE"
		}
	case logFormatType:
		if v != "default" && v != "json" {
			return "invalid value '" + v + "' [possible values: default, json]"
		}
	}
	return ""
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unsigned reports what Rust's integer FromStr says about v for an unsigned type whose maximum is max.
func unsigned(v string, max int64) string {
	if v == "" {
		return "cannot parse integer from empty string"
	}
	if !allDigits(v) {
		return "invalid digit found in string"
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n > max {
		return "number too large to fit in target type"
	}
	return ""
}

// ipv4 is Rust's Ipv4Addr::from_str: four decimal octets, no leading zeros, nothing else.
func ipv4(v string) string {
	parts := strings.Split(v, ".")
	if len(parts) != 4 {
		return "invalid IPv4 address syntax"
	}
	for _, p := range parts {
		n, _ := strconv.Atoi(p)
		if p == "" || len(p) > 3 || !allDigits(p) || (len(p) > 1 && p[0] == '0') || n > 255 {
			return "invalid IPv4 address syntax"
		}
	}
	return ""
}

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
