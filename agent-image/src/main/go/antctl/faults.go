package main

import (
	"os"
	"strconv"
	"strings"
)

// Scripted faults for reliability tests, read from <standinDir>/faults, one per line (README, fault injection):
//
//	add exit=1 message=disk full        # fail with this exit code and message (rest of the line)
//	start hang=30                       # sleep 30 s, then run normally
//	status json=truncated               # or json=malformed: broken status --json output
//	stop exit=1 message=boom times=2    # only the next 2 invocations, then the line is dropped
//	* exit=1 message=all broken         # any subcommand
//
// Blank lines and lines starting with # are ignored.
type fault struct {
	command  string
	settings map[string]string
}

// get reads one setting of a fault; a nil fault has none.
func (f *fault) get(key string) (string, bool) {
	if f == nil {
		return "", false
	}
	v, ok := f.settings[key]
	return v, ok
}

func parseFaultLine(line string) *fault {
	trimmed := strings.TrimSpace(line)
	command, rest := trimmed, ""
	if space := strings.Index(trimmed, " "); space >= 0 {
		command, rest = trimmed[:space], strings.TrimSpace(trimmed[space+1:])
	}
	settings := map[string]string{}
	for rest != "" {
		if strings.HasPrefix(rest, "message=") {
			settings["message"] = rest[len("message="):]
			break
		}
		pair, next := rest, ""
		if space := strings.Index(rest, " "); space >= 0 {
			pair, next = rest[:space], strings.TrimSpace(rest[space+1:])
		}
		if eq := strings.Index(pair, "="); eq > 0 {
			settings[pair[:eq]] = pair[eq+1:]
		}
		rest = next
	}
	return &fault{command, settings}
}

// takeFault returns the first fault for this subcommand, consuming one of its times if it has a limit.
func takeFault(file, command string) *fault {
	text, err := os.ReadFile(file)
	if err != nil || len(text) == 0 {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := parseFaultLine(line)
		if f.command != command && f.command != "*" {
			continue
		}
		if t, ok := f.get("times"); ok {
			times, _ := strconv.Atoi(t)
			consume(file, lines, i, times)
		}
		return f
	}
	return nil
}

func consume(file string, lines []string, index, times int) {
	updated := append([]string{}, lines...)
	if times <= 1 {
		updated = append(updated[:index], updated[index+1:]...)
	} else {
		updated[index] = strings.ReplaceAll(lines[index], "times="+strconv.Itoa(times), "times="+strconv.Itoa(times-1))
	}
	text := ""
	for _, l := range updated {
		text += l + "\n"
	}
	if err := os.WriteFile(file, []byte(text), 0o666); err != nil {
		panic(fail("Could not update the stand-in fault file %s: %v", file, err))
	}
}
