package main

// `ant node daemon start|stop|status|info|run` output (§2.1; AC: ant-cli/src/commands/node/daemon.rs).

import "fmt"

// formatUptime: {d}d {h}h {m}m {s}s, dropping leading zero units (AC: commands/node/daemon.rs:22-37).
func formatUptime(secs uint64) string {
	d, h, m, s := secs/86400, (secs%86400)/3600, (secs%3600)/60, secs%60
	switch {
	case d > 0:
		return fmt.Sprintf("%dd %dh %dm %ds", d, h, m, s)
	case h > 0:
		return fmt.Sprintf("%dh %dm %ds", h, m, s)
	case m > 0:
		return fmt.Sprintf("%dm %ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}

// resolvePort: the status port unless 0/None, else the port file (commands/node/daemon.rs:44-49).
func resolvePort(f files, p *uint16) *uint16 {
	if p != nil && *p != 0 {
		return p
	}
	return readPortFile(f)
}

// daemonAction runs `ant node daemon <sub>` (AC: ant-cli/src/commands/node/daemon.rs:51-188).
func daemonAction(sub string, jsonOut bool) error {
	f := defaultFiles()
	switch sub {
	case "start":
		return daemonStartCmd(f, jsonOut)
	case "stop":
		r, err := stopDaemon(f)
		if err != nil {
			return err
		}
		if jsonOut {
			printJSON(r, false)
		} else {
			printf("✓ Node management daemon stopped (was PID %d)\n", r.Pid)
		}
		return nil
	case "status":
		return daemonStatusCmd(f, jsonOut)
	case "info":
		daemonInfoCmd(f, jsonOut)
		return nil
	default: // run
		return runDaemon(f)
	}
}

func daemonStartCmd(f files, jsonOut bool) error {
	r, err := startDaemon(f)
	if err != nil {
		return err
	}
	if jsonOut {
		printJSON(r, false) // compact (daemon.rs:58-59)
		return nil
	}
	port := resolvePort(f, r.Port)
	switch {
	case r.AlreadyRunning:
		printf("● Node management daemon already running (PID %d)\n", r.Pid)
		if port != nil {
			printf("  Console http://127.0.0.1:%d/console\n", *port)
		}
	case port != nil:
		printf("✓ Node management daemon started — PID %d on port %d\n", r.Pid, *port)
		printf("  Console http://127.0.0.1:%d/console\n", *port)
	default:
		printf("✓ Node management daemon started — PID %d (port pending)\n", r.Pid)
	}
	return nil
}

func daemonStatusCmd(f files, jsonOut bool) error {
	st, err := daemonStatus(f)
	if err != nil {
		return err
	}
	if jsonOut {
		printJSON(st, true)
		return nil
	}
	if !st.Running {
		printNotRunning()
		return nil
	}
	printf("● Node management daemon is running\n\n")
	if st.Pid != nil {
		printf("  PID      %d\n", *st.Pid)
	}
	if p := resolvePort(f, st.Port); p != nil {
		printf("  Port     %d\n  Console  http://127.0.0.1:%d/console\n", *p, *p)
	}
	if st.UptimeSecs != nil {
		printf("  Uptime   %s\n", formatUptime(*st.UptimeSecs))
	}
	printf("\n  Nodes %d total, %d running, %d stopped, %d errored\n", st.NodesTotal, st.NodesRunning, st.NodesStopped, st.NodesErrored)
	return nil
}

// daemonInfoCmd prints human text without --json, despite the help text's "always JSON" (§7 #7).
func daemonInfoCmd(f files, jsonOut bool) {
	info := daemonInfo(f)
	if jsonOut {
		printJSON(info, true)
		return
	}
	if !info.Running {
		printNotRunning()
		return
	}
	printf("● Node management daemon is running\n\n")
	if info.Pid != nil {
		printf("  PID      %d\n", *info.Pid)
	}
	if info.Port != nil {
		printf("  Port     %d\n  Console  http://127.0.0.1:%d/console\n", *info.Port, *info.Port)
	}
	if info.APIBase != nil {
		printf("  API %s\n", *info.APIBase)
	}
}

func printNotRunning() {
	printf("● Node management daemon is not running\n  Start it with: ant node daemon start\n")
}
