package main

import "fmt"

// A command aborts by panicking with a *usageError or a *failure; run recovers it, prints it and exits with its
// code. That mirrors the real tool, where `?` carries an error from any depth straight to main's report, and
// keeps the per-node loops (which collect failures with catch) as plain as upstream's.

// usageError is a command-line error in clap's style: `error: ...` plus a Usage line, exit code 2.
type usageError struct{ msg, usage string }

func (e *usageError) render() string {
	return "error: " + e.msg + "\n\nUsage: " + e.usage + "\n\nFor more information, try '--help'.\n"
}

// failure is a runtime failure in color-eyre's style: `Error: ` then `   0: <message>`, exit code 1, with an
// optional `Suggestion:` section as the real tool adds to some errors.
type failure struct {
	msg        string
	code       int
	suggestion string
}

func fail(format string, a ...interface{}) *failure {
	return &failure{msg: fmt.Sprintf(format, a...), code: 1}
}

func (e *failure) Error() string { return e.msg }

func (e *failure) render() string {
	s := "Error: \n   0: " + e.msg + "\n"
	if e.suggestion != "" {
		s += "\nSuggestion: " + e.suggestion + "\n"
	}
	return s
}

// catch runs f and returns the failure it aborted with, or nil; other panics pass through.
func catch(f func()) (caught *failure) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*failure)
			if !ok {
				panic(r)
			}
			caught = e
		}
	}()
	f()
	return nil
}
