package main

// A small clap look-alike: just enough of clap 4's parsing and error texts for the `ant node` commands
// (docs/contracts/ant-v2-contract.md §1: usage errors exit 2 with `error: …`, `Usage: …` and
// `For more information, try '--help'.` on stderr; AC: ant-cli/src/cli.rs, commands/node/*.rs).

import (
	"fmt"
	"strconv"
	"strings"
)

// option describes one long flag of a command.
type option struct {
	name      string // without the leading dashes
	short     byte   // 0 when there is none
	value     string // value name as clap prints it (`<COUNT>`); empty for a boolean flag
	repeat    bool   // may be given more than once (Vec<_> fields)
	delimiter bool   // value_delimiter = ',' (AC: commands/node/add.rs:54,58)
	required  bool
	conflicts []string
	kind      string // "u16", "u32" or "" for a string; clap rejects bad numbers at parse time
}

// command describes one (sub)command: its usage line and its options.
type command struct {
	path    string // "ant node add"
	usage   string // the part after "Usage: "
	about   string
	options []option
}

// usageError is a clap error: printed on stderr, exit code 2.
type usageError struct {
	msg   string
	usage string // empty when clap prints no Usage block for this kind of error
}

func (u *usageError) text() string {
	var b strings.Builder
	b.WriteString("error: " + u.msg + "\n\n")
	if u.usage != "" {
		b.WriteString("Usage: " + u.usage + "\n\n")
	}
	b.WriteString("For more information, try '--help'.\n")
	return b.String()
}

// helpRequested is returned when -h/--help is seen; the caller prints the help on stdout, exit 0.
type helpRequested struct{}

func (o option) display() string {
	if o.value == "" {
		return "--" + o.name
	}
	return "--" + o.name + " " + o.value
}

func (c *command) find(name string) *option {
	for i := range c.options {
		if c.options[i].name == name {
			return &c.options[i]
		}
	}
	return nil
}

func (c *command) findShort(s byte) *option {
	for i := range c.options {
		if c.options[i].short == s {
			return &c.options[i]
		}
	}
	return nil
}

// parsed holds the values of one command's options, in the order given.
type parsed map[string][]string

func (p parsed) has(name string) bool { _, ok := p[name]; return ok }
func (p parsed) get(name string) string {
	v := p[name]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// parse reads args against the command's options. The global `--json` flag is accepted anywhere
// (`#[arg(long, global = true)]`, AC: ant-cli/src/cli.rs:18) and reported through json.
func (c *command) parse(args []string, json *bool) (parsed, error) {
	out := parsed{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "-h" || a == "--help" {
			return nil, helpRequested{}
		}
		if a == "--json" {
			*json = true
			continue
		}
		var opt *option
		var inline *string
		switch {
		case strings.HasPrefix(a, "--") && len(a) > 2:
			name := a[2:]
			if eq := strings.IndexByte(name, '='); eq >= 0 {
				v := name[eq+1:]
				inline = &v
				name = name[:eq]
			}
			opt = c.find(name)
		case strings.HasPrefix(a, "-") && len(a) == 2 && a != "--":
			opt = c.findShort(a[1])
		}
		if opt == nil {
			if strings.HasPrefix(a, "-") {
				return nil, &usageError{msg: fmt.Sprintf("unexpected argument '%s' found", a), usage: c.usage}
			}
			return nil, &usageError{msg: fmt.Sprintf("unexpected argument '%s' found", a), usage: c.usage}
		}
		if out.has(opt.name) && !opt.repeat {
			return nil, &usageError{msg: fmt.Sprintf("the argument '%s' cannot be used multiple times", opt.display()), usage: c.usage}
		}
		if opt.value == "" {
			if inline != nil {
				return nil, &usageError{msg: fmt.Sprintf("unexpected value '%s' for '%s' found; no more were expected", *inline, opt.display()), usage: c.usage}
			}
			out[opt.name] = append(out[opt.name], "true")
			continue
		}
		var v string
		if inline != nil {
			v = *inline
		} else {
			if i+1 >= len(args) || (strings.HasPrefix(args[i+1], "-") && len(args[i+1]) > 1) {
				return nil, &usageError{msg: fmt.Sprintf("a value is required for '%s' but none was supplied", opt.display())}
			}
			i++
			v = args[i]
		}
		if err := checkKind(*opt, v); err != nil {
			return nil, err
		}
		if opt.delimiter {
			out[opt.name] = append(out[opt.name], strings.Split(v, ",")...)
		} else {
			out[opt.name] = append(out[opt.name], v)
		}
	}
	for _, o := range c.options {
		if o.required && !out.has(o.name) {
			return nil, &usageError{msg: "the following required arguments were not provided:\n  " + o.display(), usage: c.usage}
		}
	}
	for _, o := range c.options {
		if !out.has(o.name) {
			continue
		}
		for _, other := range o.conflicts {
			if out.has(other) {
				return nil, &usageError{msg: fmt.Sprintf("the argument '%s' cannot be used with '%s'", o.display(), c.find(other).display()), usage: c.usage}
			}
		}
	}
	return out, nil
}

// checkKind reproduces clap's value_parser errors for integer fields, with Rust's ParseIntError texts.
func checkKind(o option, v string) error {
	bits := 0
	switch o.kind {
	case "u16":
		bits = 16
	case "u32":
		bits = 32
	default:
		return nil
	}
	if _, err := strconv.ParseUint(v, 10, bits); err != nil {
		reason := "invalid digit found in string"
		if v == "" {
			reason = "cannot parse integer from empty string"
		} else if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			reason = "number too large to fit in target type"
		}
		return &usageError{msg: fmt.Sprintf("invalid value '%s' for '%s': %s", v, o.display(), reason)}
	}
	return nil
}

// help renders a clap-like help page for a command.
func (c *command) help() string {
	var b strings.Builder
	if c.about != "" {
		b.WriteString(c.about + "\n\n")
	}
	b.WriteString("Usage: " + c.usage + "\n\nOptions:\n")
	for _, o := range c.options {
		b.WriteString(fmt.Sprintf("      %-36s\n", o.display()))
	}
	b.WriteString(fmt.Sprintf("      %-36s %s\n", "--json", "Output structured JSON instead of human-readable text"))
	b.WriteString(fmt.Sprintf("  %-40s %s\n", "-h, --help", "Print help"))
	return b.String()
}

func (helpRequested) Error() string { return "help" }
func (u *usageError) Error() string { return u.msg }
