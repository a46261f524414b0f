package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Where an antnode binary comes from. Nothing can be downloaded here, so a "download" of version X takes
// <distDir>/X/antnode and prints the real tool's download lines; an unknown version fails the way a failed
// download does. --path binaries report their own version through --version (contract §2).

type binarySource struct {
	binary  string
	version string
}

func resolveBinary(c *ctx, p *parsedArgs) *binarySource {
	if path, ok := p.value("path"); ok {
		return &binarySource{path, versionOf(path)}
	}
	if url, ok := p.value("url"); ok {
		c.println("Retrieving antnode from " + url) // helpers.rs:182
		path := strings.TrimPrefix(url, "file://")
		if strings.HasPrefix(url, "file://") && executable(path) {
			c.println("Download completed: " + path)
			return &binarySource{path, versionOf(path)}
		}
		panic(fail("Failed to download antnode from %s: the stand-in only reads file:// URLs", url))
	}
	// helpers.rs:207-260: without --version the latest is looked up first, then downloaded
	version, ok := p.value("version")
	if !ok {
		if p.command == "upgrade" {
			c.println("Retrieving latest version of antnode...")
			c.println("Latest version is " + latestAntnode)
		} else {
			c.println("Retrieving latest version for antnode...")
		}
		version = latestAntnode
	}
	c.println("Downloading antnode version " + version + "...")
	binary := filepath.Join(c.env.distDir, version, "antnode")
	if !executable(binary) {
		panic(fail("Failed to download antnode version %s: HTTP status client error (404 Not Found) for the release archive", version))
	}
	c.println("Download completed: " + binary)
	return &binarySource{binary, version}
}

// versionOf runs `<binary> --version`: the version is the token after the first `v` of its first line
// (contract §6).
func versionOf(binary string) string {
	if !executable(binary) {
		panic(fail("The antnode binary at %s does not exist or is not executable", binary))
	}
	timeout, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(timeout, binary, "--version")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if timeout.Err() != nil {
		panic(fail("Timed out reading the version of %s", binary))
	}
	first := strings.SplitN(out.String(), "\n", 2)[0]
	v := strings.Index(first, "v")
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		panic(fail("Could not run %s --version: %v", binary, err))
	}
	if err != nil || v < 0 {
		panic(fail("Could not read the version of %s from '%s'", binary, first))
	}
	fields := strings.Fields(first[v+1:])
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// installBinary copies the binary beside the target and renames it into place, so a running node's binary is
// never written to.
func installBinary(source, target string) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o777); err != nil {
		return err
	}
	temp := filepath.Join(filepath.Dir(target), ".antnode.tmp")
	os.Remove(temp)
	in, err := os.Open(source)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(temp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if closeErr := out.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(temp, 0o755)
	}
	if err == nil {
		err = os.Rename(temp, target)
	}
	return err
}

// compareVersions compares X.Y.Z versions numerically (a part that is not a number counts as 0).
func compareVersions(a, b string) int {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' })
	}
	x, y := split(a), split(b)
	for i := 0; i < len(x) || i < len(y); i++ {
		p, q := versionPart(x, i), versionPart(y, i)
		if p != q {
			if p < q {
				return -1
			}
			return 1
		}
	}
	return 0
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}
	n, _ := strconv.Atoi(parts[i])
	return n
}
