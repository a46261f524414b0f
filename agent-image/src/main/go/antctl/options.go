package main

import (
	"regexp"
	"strconv"
	"strings"
)

// One flag of a subcommand: its long name, its value type, and whether it may repeat; values are checked the way
// the real tool's value parsers (clap's, Rust's FromStr) check them.

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
