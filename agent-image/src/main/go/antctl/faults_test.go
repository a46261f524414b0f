package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAFaultMessageTakesTheRestOfTheLine(t *testing.T) {
	f := parseFaultLine("add exit=1 message=disk is full today")
	exit, _ := f.get("exit")
	message, _ := f.get("message")
	if f.command != "add" || exit != "1" || message != "disk is full today" {
		t.Errorf("%+v", f)
	}
}

func writeFaults(t *testing.T, text string) string {
	file := filepath.Join(t.TempDir(), "faults")
	if err := os.WriteFile(file, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestAFaultForAnotherSubcommandDoesNotApply(t *testing.T) {
	file := writeFaults(t, "# comment\n\nstart hang=2\n")
	if f := takeFault(file, "stop"); f != nil {
		t.Errorf("stop got %+v", f)
	}
	if hang, _ := takeFault(file, "start").get("hang"); hang != "2" {
		t.Errorf("start hang = %q", hang)
	}
}

func TestAWildcardFaultAppliesToEverySubcommand(t *testing.T) {
	if takeFault(writeFaults(t, "* exit=3 message=x\n"), "status") == nil {
		t.Error("no fault for status")
	}
}

func TestALimitedFaultIsDroppedAfterItsLastUse(t *testing.T) {
	file := writeFaults(t, "stop exit=1 times=2 message=boom\n")
	if takeFault(file, "stop") == nil {
		t.Fatal("first use missing")
	}
	if text, _ := os.ReadFile(file); !strings.Contains(string(text), "times=1") {
		t.Errorf("after one use: %q", text)
	}
	if takeFault(file, "stop") == nil {
		t.Fatal("second use missing")
	}
	if f := takeFault(file, "stop"); f != nil {
		t.Errorf("third use: %+v", f)
	}
}

func TestAMissingFaultFileMeansNoFaults(t *testing.T) {
	if f := takeFault(filepath.Join(t.TempDir(), "absent"), "add"); f != nil {
		t.Errorf("%+v", f)
	}
}
