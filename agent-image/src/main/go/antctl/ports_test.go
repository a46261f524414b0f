package main

import (
	"reflect"
	"testing"
)

func TestSinglePortIsARangeOfOneAndARangeIncludesBothEnds(t *testing.T) {
	for text, want := range map[string][]int{"55001": {55001}, "55001-55003": {55001, 55002, 55003}} {
		p, err := parsePortArgument(text)
		if err != nil || !reflect.DeepEqual(p.ports(), want) {
			t.Errorf("%s: %v %v", text, p.ports(), err)
		}
	}
}

func TestMalformedPortArgumentsAreRejectedWithTheRealMessages(t *testing.T) {
	for text, want := range map[string]string{
		"55003-55003": "End port must be greater than start port",
		"55003-55001": "End port must be greater than start port",
		"1-2-3":       "Port range must be in the format 'start-end'",
		"70000":       "number too large to fit in target type",
		"x-5":         "invalid digit found in string",
		"-5":          "cannot parse integer from empty string",
	} {
		if _, err := parsePortArgument(text); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", text, err, want)
		}
	}
}

func TestTheCountMustMatchTheNumberOfPorts(t *testing.T) {
	single, _ := parsePortArgument("55001")
	if f := catch(func() { single.requireCount(3) }); f == nil ||
		f.msg != "The count (3) does not match the number of ports (1)" {
		t.Errorf("single port, count 3: %v", f)
	}
	r, _ := parsePortArgument("55001-55003")
	if f := catch(func() { r.requireCount(3) }); f != nil {
		t.Errorf("range of 3, count 3: %v", f)
	}
	if f := catch(func() { r.requireCount(1) }); f == nil ||
		f.msg != "The count (1) does not match the number of ports (3)" {
		t.Errorf("range of 3, count 1: %v", f)
	}
}
