package main

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestParsesObjectsKeepingKeyOrder(t *testing.T) {
	parsed, err := parseJSON(`{"z": 1, "a": [true, null, "x"], "m": {"k": -2.5e3}}`)
	if err != nil {
		t.Fatal(err)
	}
	o := parsed.(*object)
	if !reflect.DeepEqual(o.keys, []string{"z", "a", "m"}) {
		t.Errorf("keys %v", o.keys)
	}
	if !reflect.DeepEqual(o.get("a"), []interface{}{true, nil, "x"}) {
		t.Errorf("a = %#v", o.get("a"))
	}
	if o.get("m").(*object).get("k") != json.Number("-2.5e3") {
		t.Errorf("k = %#v", o.get("m").(*object).get("k"))
	}
}

func TestWritesCompactFormWithoutSpaces(t *testing.T) {
	o := newObject()
	o.set("b", num(1))
	o.set("a", []interface{}{"x"})
	o.set("n", nil)
	if got := writeJSON(o, false); got != `{"b":1,"a":["x"],"n":null}` {
		t.Errorf("got %s", got)
	}
}

func TestWritesPrettyFormLikeSerde(t *testing.T) {
	inner := newObject()
	inner.set("k", num(1))
	o := newObject()
	o.set("nodes", []interface{}{inner})
	o.set("empty", []interface{}{})
	o.set("daemon", nil)
	want := "{\n  \"nodes\": [\n    {\n      \"k\": 1\n    }\n  ],\n  \"empty\": [],\n  \"daemon\": null\n}"
	if got := writeJSON(o, true); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestEscapesQuotesBackslashesAndControlCharactersButNotHtml(t *testing.T) {
	written := writeJSON("a\"b\\c\nd\u0001<&>", false)
	if written != `"a\"b\\c\nd\u0001<&>"` {
		t.Errorf("got %s", written)
	}
	back, err := parseJSON(written)
	if err != nil || back != "a\"b\\c\nd\u0001<&>" {
		t.Errorf("round trip: %#v, %v", back, err)
	}
}

func TestRejectsTruncatedInputAndTrailingCharacters(t *testing.T) {
	for _, text := range []string{`{"nodes": [`, `{} x`, `{"a":1}{}`, ``} {
		if _, err := parseJSON(text); err == nil {
			t.Errorf("%q parsed", text)
		}
	}
}

func TestACompactDocumentRoundTripsByteForByte(t *testing.T) {
	text := `{"daemon":null,"environment_variables":[["A","1,2"]],"nat_status":{"x":[]},"nodes":[{"alpha":false,` +
		`"n":-1.5e3,"s":"a\"\\é✓","e":{}}],"save_path":"/var/antctl/node_registry.json"}`
	v, err := parseJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := writeJSON(v, false); got != text {
		t.Errorf("got  %s\nwant %s", got, text)
	}
}
