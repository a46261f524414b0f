package main

// Binary resolution for `ant node add`: --path, --version, --url, latest (§2.2 "Binary source";
// AC: ant-core/src/node/binary.rs).

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func copyFile(from, to string, mode os.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return fail("I/O error: %s", osError(err))
	}
	defer in.Close()
	// Replace rather than overwrite: the target may be a running node's executable (ETXTBSY).
	tmp := to + ".copying"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return fail("I/O error: %s", osError(err))
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fail("I/O error: %s", osError(err))
	}
	if err := out.Close(); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	os.Chmod(tmp, mode)
	if err := os.Rename(tmp, to); err != nil {
		return fail("I/O error: %s", osError(err))
	}
	return nil
}

type resolved struct{ path, version, bootstrapPeers string }

// releasesDir is where the stand-in finds the ant-node releases it "downloads" (no network here):
// <dir>/<version>/ant-node; <dir>/latest names the latest version. README.md says so.
func releasesDir() string {
	if d := os.Getenv("ANT_STANDIN_RELEASES"); d != "" {
		return d
	}
	return "/opt/ant-node"
}

// resolveBinary: --path, --version, --url, latest (AC: ant-core/src/node/binary.rs:47-58).
func resolveBinary(src binarySource, f files, pr progress) (*resolved, error) {
	value := ""
	if src.Value != nil {
		value = *src.Value
	}
	switch src.Type {
	case "local_path":
		// binary.rs:63-81: must exist, version from `P --version`, bootstrap_peers.toml next to it.
		if _, err := os.Stat(value); err != nil {
			return nil, fail("Binary not found at path: %s", value)
		}
		v, err := extractVersion(value)
		if err != nil {
			return nil, err
		}
		r := &resolved{path: value, version: v}
		if bp := filepath.Join(filepath.Dir(value), "bootstrap_peers.toml"); exists(bp) {
			r.bootstrapPeers = bp
		}
		return r, nil
	case "version":
		return resolveVersion(strings.TrimPrefix(value, "v"), f, pr)
	case "latest":
		// binary.rs:131-157: the tag_name of the latest GitHub release.
		data, err := os.ReadFile(filepath.Join(releasesDir(), "latest"))
		if err != nil {
			return nil, fail("Binary resolution failed: failed to fetch latest release: error sending request for url (https://api.github.com/repos/WithAutonomi/ant-node/releases/latest)")
		}
		return resolveVersion(strings.TrimPrefix(strings.TrimSpace(string(data)), "v"), f, pr)
	default: // url: the stand-in has no network (README.md)
		pr.started("Downloading ant-node from " + value)
		return nil, fail("Binary resolution failed: download request failed: error sending request for url (%s)", value)
	}
}

// resolveVersion: the cache <D>/bin/ant-node-{V} first, without running it (binary.rs:94-118), else
// "download" from the release directory into the cache.
func resolveVersion(v string, f files, pr progress) (*resolved, error) {
	bin := filepath.Join(f.dir, "bin")
	cached := filepath.Join(bin, "ant-node-"+v)
	cachedPeers := cached + ".bootstrap_peers.toml"
	if exists(cached) {
		pr.complete("Using cached ant-node v" + v)
		r := &resolved{path: cached, version: v}
		if exists(cachedPeers) {
			r.bootstrapPeers = cachedPeers
		}
		return r, nil
	}
	url := fmt.Sprintf("https://github.com/WithAutonomi/ant-node/releases/download/v%s/ant-node-cli-linux-x64.tar.gz", v)
	pr.started("Downloading ant-node from " + url)
	source := filepath.Join(releasesDir(), v, "ant-node")
	if !exists(source) {
		return nil, fail("Binary resolution failed: download returned status 404 Not Found")
	}
	pr.started("Extracting archive...")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return nil, fail("I/O error: %s", osError(err))
	}
	if err := copyFile(source, cached, 0o755); err != nil {
		return nil, err
	}
	r := &resolved{path: cached, version: v}
	if sp := filepath.Join(filepath.Dir(source), "bootstrap_peers.toml"); exists(sp) {
		if err := copyFile(sp, cachedPeers, 0o644); err == nil {
			r.bootstrapPeers = cachedPeers
		}
	}
	pr.complete(fmt.Sprintf("Downloaded ant-node v%s to %s", v, cached))
	return r, nil
}

// extractVersion runs `<bin> --version` and takes the last whitespace-separated token of stdout
// (AC: ant-core/src/node/binary.rs:405-432).
func extractVersion(path string) (string, error) {
	cmd := exec.Command(path, "--version")
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return "", fail("Binary resolution failed: %s --version exited with status %s", path, exitStatusText(ee.ProcessState))
		}
		return "", fail("Binary resolution failed: failed to run %s --version: %s", path, osError(unwrapExec(err)))
	}
	fields := strings.Fields(string(out))
	if len(fields) == 0 {
		return "unknown", nil
	}
	return fields[len(fields)-1], nil
}

func unwrapExec(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe
	}
	if ee, ok := err.(*exec.Error); ok {
		return ee.Err
	}
	return err
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }
