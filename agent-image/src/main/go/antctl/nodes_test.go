package main

import (
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"syscall"
	"testing"
	"time"
)

func sleeper(t *testing.T) (*exec.Cmd, string) {
	path, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "30")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	// Start returns once the exec began; the kernel fills /proc/<pid>/cmdline a moment later.
	cmdline := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/cmdline"
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(time.Millisecond) {
		if text, _ := os.ReadFile(cmdline); len(text) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("sleep has no command line after 2 s")
		}
	}
	return cmd, path
}

func TestARunningProcessOfTheNodesBinaryIsAliveAndAnotherProgramIsNot(t *testing.T) {
	cmd, path := sleeper(t)
	if !isAlive(cmd.Process.Pid, path) {
		t.Error("running sleep is not alive")
	}
	if isAlive(cmd.Process.Pid, "/var/antctl/services/antnode1/antnode") {
		t.Error("sleep counts as antnode1")
	}
}

func TestAnExitedProcessAndAMissingPidAreNotAlive(t *testing.T) {
	cmd, path := sleeper(t)
	cmd.Process.Kill()
	cmd.Wait()
	if isAlive(cmd.Process.Pid, path) || isAlive(0, path) {
		t.Error("alive")
	}
}

func TestTerminateStopsTheProcessWithSigterm(t *testing.T) {
	cmd, path := sleeper(t)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }() // reap it, as the init does for a node
	terminate(cmd.Process.Pid, path)
	<-done
	if status := cmd.ProcessState.Sys().(syscall.WaitStatus); !status.Signaled() || status.Signal() != syscall.SIGTERM {
		t.Errorf("not ended by SIGTERM: %v", cmd.ProcessState)
	}
}

func TestTheNodeCommandLineCarriesPortsRootDirAndTrailingEvmNetwork(t *testing.T) {
	n := blankNode(1)
	n.set("antnode_path", "/d/antnode1/antnode")
	n.set("data_dir_path", "/d/antnode1")
	n.set("log_dir_path", "/l/antnode1")
	n.set("rpc_socket_addr", "127.0.0.1:30001")
	n.set("node_port", num(55001))
	n.set("metrics_port", num(13001))
	n.set("rewards_address", "0xabc")
	n.set("evm_network", "ArbitrumOne")
	want := []string{"/d/antnode1/antnode", "--rpc", "127.0.0.1:30001", "--root-dir", "/d/antnode1",
		"--log-output-dest", "/l/antnode1", "--port", "55001", "--metrics-server-port", "13001",
		"--rewards-address", "0xabc", "evm-arbitrum-one"}
	if got := commandLine(n); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
}
