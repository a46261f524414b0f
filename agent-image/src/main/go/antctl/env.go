package main

import (
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// latestAntnode is the version a plain add or upgrade "downloads".
const latestAntnode = "0.4.17"

// environment is where things live for this invocation. The real tool decides by effective uid alone: root gets
// the system-wide registry and directories, anyone else the user-mode ones under their home (contract §5).
type environment struct {
	root       bool
	home       string
	standinDir string         // the stand-in's config and fault files ($ANTCTL_STANDIN_DIR, default /etc/antctl-standin)
	distDir    string         // where the "downloadable" antnode versions are (<distDir>/<version>/antnode)
	services   serviceManager // the service manager the real tool would use here (what it refuses, the stand-in refuses)
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func detectEnvironment() *environment {
	home, ok := os.LookupEnv("HOME")
	if !ok {
		if u, err := user.LookupId(strconv.Itoa(os.Geteuid())); err == nil {
			home = u.HomeDir
		}
	}
	standinDir := getenv("ANTCTL_STANDIN_DIR", "/etc/antctl-standin")
	return &environment{
		root:       os.Geteuid() == 0,
		home:       home,
		standinDir: standinDir,
		distDir:    getenv("ANTCTL_STANDIN_DIST", "/opt/antnode"),
		services:   detectServiceManager(standinDir),
	}
}

func (e *environment) userBase() string { return filepath.Join(e.home, ".local/share/autonomi/node") }

func (e *environment) registryPath() string {
	if e.root {
		return "/var/antctl/node_registry.json"
	}
	return filepath.Join(e.userBase(), "node_registry.json")
}

func (e *environment) dataDir(prefix string, set bool, number int) string {
	name := "antnode" + strconv.Itoa(number)
	switch {
	case set:
		return filepath.Join(prefix, name)
	case e.root:
		return filepath.Join("/var/antctl/services", name)
	}
	return filepath.Join(e.userBase(), name)
}

func (e *environment) logDir(prefix string, set bool, number int) string {
	name := "antnode" + strconv.Itoa(number)
	switch {
	case set:
		return filepath.Join(prefix, name)
	case e.root:
		return filepath.Join("/var/log/antnode", name)
	}
	return filepath.Join(e.userBase(), name, "logs")
}

// serviceManager is the one the real antctl would install nodes with. The stand-in never installs a service (it
// starts nodes as processes), but it refuses what the real service manager refuses, so a test against the
// stand-in fails where the real tool would.
//
// Real detection (the service-manager crate's native(), called from ant-service-management src/control.rs:475):
// systemd when systemctl is on PATH, else OpenRC when rc-service is, else nothing. The stand-in image has
// neither, so it says which one it stands for: service_manager= in the stand-in's config file (tests), else
// $ANTCTL_STANDIN_SERVICE_MANAGER (the stand-in image sets openrc, like the production image), else the real
// PATH lookup (the production image built with the stand-in's binaries has rc-service).
type serviceManager string

const (
	systemd serviceManager = "systemd"
	openrc  serviceManager = "openrc"
	noneSM  serviceManager = "none"
)

// refusal is why adding a node with this manager fails, if it does ("" when it does not). User mode is refused
// by OpenRC (set_level(ServiceLevel::User) at ant-service-management src/control.rs:479); no manager at all
// fails every node.
func (s serviceManager) refusal(userMode bool) string {
	switch {
	case s == noneSM:
		return "Only systemd and openrc are supported on Linux"
	case s == openrc && userMode:
		return "OpenRC does not support user-level services"
	}
	return ""
}

func detectServiceManager(standinDir string) serviceManager {
	configured := configuredServiceManager(filepath.Join(standinDir, "config"))
	if configured == "" {
		configured = os.Getenv("ANTCTL_STANDIN_SERVICE_MANAGER")
	}
	if configured != "" {
		switch sm := serviceManager(configured); sm {
		case systemd, openrc, noneSM:
			return sm
		}
		panic(fail("The stand-in's service manager is '%s' (expected systemd, openrc or none)", configured))
	}
	if onPath("systemctl") {
		return systemd
	}
	if onPath("rc-service") {
		return openrc
	}
	return noneSM
}

func configuredServiceManager(config string) string {
	text, err := os.ReadFile(config)
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(text), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "service_manager=") {
			v := t[len("service_manager="):]
			if space := strings.IndexAny(v, " \t"); space >= 0 {
				v = v[:space]
			}
			return v
		}
	}
	return ""
}

func onPath(program string) bool {
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir != "" && executable(filepath.Join(dir, program)) {
			return true
		}
	}
	return false
}

// executable is access(2) with X_OK, what the real tool's file checks amount to.
func executable(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && syscall.Access(path, 1) == nil
}
