// Command antctl is the stand-in for antctl 0.14.2 (crate ant-node-manager): it behaves like the real tool as
// docs/contracts/antctl-contract.md describes it (flags, exit codes, stdout lines, registry) while driving the
// antnode stand-in. Upstream citations are file:line in ant-node-manager 0.14.2 (tag stable-2026.2.3.2), paths
// relative to ant-node-manager/src unless another crate is named. Global flags come before the subcommand.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

const antctlVersion = "0.14.2"

const helpText = "Usage: antctl [OPTIONS] <COMMAND>\n\nCommands:\n" +
	"  add            Add one or more antnode services\n" +
	"  balance        Get node reward balances\n" +
	"  daemon         Run or manage the antctld daemon\n" +
	"  local          Manage a local network\n" +
	"  nat-detection  Run NAT detection\n" +
	"  remove         Remove antnode service(s)\n" +
	"  reset          Reset back to a clean base state\n" +
	"  start          Start antnode service(s)\n" +
	"  status         Get the status of services\n" +
	"  stop           Stop antnode service(s)\n" +
	"  upgrade        Upgrade antnode services\n" +
	"  help           Print this message or the help of the given subcommand(s)\n"

// ctx is what a subcommand runs with: where things live, where output goes.
type ctx struct {
	env *environment
	out io.Writer
	err io.Writer
	in  *bufio.Reader
}

func (c *ctx) println(a ...interface{})               { fmt.Fprintln(c.out, a...) }
func (c *ctx) printf(format string, a ...interface{}) { fmt.Fprintf(c.out, format, a...) }

func main() {
	// stdout is not buffered: a command that blocks (start waiting for peers) has already shown its lines,
	// as the real tool's do.
	c := &ctx{out: os.Stdout, err: os.Stderr, in: bufio.NewReader(os.Stdin)}
	os.Exit(run(c, os.Args[1:], detectEnvironment))
}

// run executes one antctl command line and returns its exit code. The environment is detected inside, so
// that a bad stand-in configuration is reported like any other runtime failure.
func run(c *ctx, args []string, detect func() *environment) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = report(c, r)
		}
	}()
	c.env = detect()
	return dispatch(c, args)
}

// report prints an aborted command's error the way the real tool does and gives its exit code: clap usage
// errors exit 2, color-eyre reports exit 1 (contract §1).
func report(c *ctx, r interface{}) int {
	switch e := r.(type) {
	case *usageError:
		fmt.Fprint(c.err, e.render())
		return 2
	case *failure:
		fmt.Fprint(c.err, e.render())
		return e.code
	default:
		fmt.Fprint(c.err, (&failure{msg: fmt.Sprint(r)}).render())
		return 1
	}
}

func dispatch(c *ctx, args []string) int {
	i := 0
	for ; i < len(args) && strings.HasPrefix(args[i], "-"); i++ {
		switch flag := args[i]; flag {
		case "--version":
			c.println("Autonomi Node Manager v" + antctlVersion)
			c.println("Package version: 2026.2.3.2")
			c.println("Git info: stable / 0000000 / 2026-02-03 (antfleet stand-in)")
			return 0
		case "--crate-version":
			c.println(antctlVersion)
			return 0
		case "-h", "--help":
			fmt.Fprint(c.out, helpText)
			return 0
		case "--debug", "--trace":
		default:
			if strings.Trim(flag[1:], "v") != "" || len(flag) < 2 {
				panic(&usageError{"unexpected argument '" + flag + "' found", "antctl [OPTIONS] <COMMAND>"})
			}
		}
	}
	if i >= len(args) {
		// bin/cli/main.rs:36 makes the subcommand optional and main.rs:1075 answers None with Ok(()):
		// nothing printed, exit 0 (the contract page says "prints help"; the source wins).
		return 0
	}
	name := args[i]
	switch name {
	case "daemon", "local", "nat-detection":
		panic(fail("The antctl stand-in does not implement '%s'", name))
	}
	spec, ok := commands[name]
	if !ok {
		panic(&usageError{"unrecognized subcommand '" + name + "'", "antctl [OPTIONS] <COMMAND>"})
	}
	parsed := spec.parse(args[i+1:])
	// Faults apply after argument parsing, so usage errors still win (README, fault injection).
	f := takeFault(c.env.standinDir+"/faults", name)
	if f != nil {
		if code, ended := inject(c, f); ended {
			return code
		}
	}
	return execute(c, parsed, f)
}

// inject applies a scripted fault; ended is true when the fault ends the command with code.
func inject(c *ctx, f *fault) (code int, ended bool) {
	if seconds, ok := f.get("hang"); ok {
		s, _ := strconv.ParseFloat(seconds, 64)
		time.Sleep(time.Duration(s * float64(time.Second)))
	}
	exit, ok := f.get("exit")
	if !ok {
		return 0, false
	}
	code, err := strconv.Atoi(exit)
	if err != nil {
		panic(fail("The stand-in fault file has a bad exit code '%s'", exit))
	}
	message, ok := f.get("message")
	if !ok {
		message = "injected failure"
	}
	if code == 2 {
		fmt.Fprint(c.err, "error: "+message+"\n")
	} else if code != 0 {
		fmt.Fprint(c.err, (&failure{msg: message}).render())
	}
	return code, true
}

func execute(c *ctx, p *parsedArgs, f *fault) int {
	switch p.command {
	case "add":
		refuse, _ := f.get("refuse")
		return runAdd(c, p, refuse)
	case "start":
		return runStart(c, p)
	case "stop":
		return runStop(c, p)
	case "remove":
		return runRemove(c, p)
	case "reset":
		return runReset(c, p)
	case "status":
		damage, _ := f.get("json")
		return runStatus(c, p, damage)
	case "upgrade":
		return runUpgrade(c, p)
	case "balance":
		reg := loadRegistry(c.env.registryPath())
		for _, n := range selectNodes(reg, p) {
			c.println(n.serviceName() + ": 0")
		}
		return 0
	}
	panic(fail("unknown command %s", p.command))
}

// banner prints antctl's banner: a box two characters wider than the padded text.
func (c *ctx) banner(text string) {
	length := len([]rune(text))
	width := length + 4
	left := (width - length) / 2
	c.println("╔" + strings.Repeat("═", width+2) + "╗")
	c.println("║ " + strings.Repeat(" ", left) + text + strings.Repeat(" ", width-length-left) + " ║")
	c.println("╚" + strings.Repeat("═", width+2) + "╝")
}
