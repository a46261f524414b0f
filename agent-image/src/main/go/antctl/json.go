package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The registry keeps its keys in the real tool's order (contract §4) and keeps keys the stand-in does not know,
// which encoding/json's maps would sort or drop. So JSON values here are: nil, bool, string, json.Number
// (numbers kept verbatim), []interface{} and *object (an ordered map). The writer produces serde_json's compact
// form or its pretty form (two spaces, `"key": value`, `[]` and `{}` when empty).

type object struct {
	keys   []string
	values map[string]interface{}
}

func newObject() *object { return &object{values: map[string]interface{}{}} }

func (o *object) get(key string) interface{} { return o.values[key] }

func (o *object) has(key string) bool { _, ok := o.values[key]; return ok }

func (o *object) set(key string, v interface{}) {
	if _, ok := o.values[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.values[key] = v
}

// parseJSON reads one JSON document. It is a small recursive-descent reader rather than encoding/json's Decoder:
// the registry is read on every call, and the Decoder's token API cost more than the rest of `status --json`.
func parseJSON(text string) (interface{}, error) {
	r := &reader{text: text}
	r.space()
	v, err := r.value()
	if err != nil {
		return nil, err
	}
	if r.space(); r.pos != len(text) {
		return nil, r.errorf("trailing characters")
	}
	return v, nil
}

type reader struct {
	text string
	pos  int
}

func (r *reader) errorf(format string, a ...interface{}) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", r.pos, fmt.Sprintf(format, a...))
}

func (r *reader) space() {
	for r.pos < len(r.text) && strings.IndexByte(" \t\r\n", r.text[r.pos]) >= 0 {
		r.pos++
	}
}

func (r *reader) value() (interface{}, error) {
	if r.pos >= len(r.text) {
		return nil, r.errorf("unexpected end of input")
	}
	switch c := r.text[r.pos]; {
	case c == '{':
		return r.object()
	case c == '[':
		return r.array()
	case c == '"':
		return r.str()
	case strings.HasPrefix(r.text[r.pos:], "true"):
		r.pos += 4
		return true, nil
	case strings.HasPrefix(r.text[r.pos:], "false"):
		r.pos += 5
		return false, nil
	case strings.HasPrefix(r.text[r.pos:], "null"):
		r.pos += 4
		return nil, nil
	}
	return r.number()
}

func (r *reader) expect(c byte) error {
	if r.pos >= len(r.text) || r.text[r.pos] != c {
		return r.errorf("expected '%c'", c)
	}
	r.pos++
	return nil
}

// members reads the comma-separated members of an object or array up to its closing byte.
func (r *reader) members(closing byte, member func() error) error {
	r.pos++
	if r.space(); r.pos < len(r.text) && r.text[r.pos] == closing {
		r.pos++
		return nil
	}
	for {
		r.space()
		if err := member(); err != nil {
			return err
		}
		if r.space(); r.pos < len(r.text) && r.text[r.pos] == ',' {
			r.pos++
			continue
		}
		return r.expect(closing)
	}
}

func (r *reader) object() (interface{}, error) {
	o := newObject()
	err := r.members('}', func() error {
		key, err := r.str()
		if err != nil {
			return err
		}
		if r.space(); r.expect(':') != nil {
			return r.errorf("expected ':'")
		}
		r.space()
		v, err := r.value()
		o.set(key, v)
		return err
	})
	return o, err
}

func (r *reader) array() (interface{}, error) {
	list := []interface{}{}
	err := r.members(']', func() error {
		v, err := r.value()
		list = append(list, v)
		return err
	})
	return list, err
}

func (r *reader) str() (string, error) {
	if err := r.expect('"'); err != nil {
		return "", err
	}
	start := r.pos
	for r.pos < len(r.text) {
		switch r.text[r.pos] {
		case '"':
			r.pos++
			return r.text[start : r.pos-1], nil
		case '\\':
			// Escapes are rare in a registry: hand the whole string to encoding/json.
			end := r.pos
			for end < len(r.text) && r.text[end] != '"' {
				if r.text[end] == '\\' {
					end++
				}
				end++
			}
			var s string
			if end >= len(r.text) || json.Unmarshal([]byte(r.text[start-1:end+1]), &s) != nil {
				return "", r.errorf("bad string")
			}
			r.pos = end + 1
			return s, nil
		}
		r.pos++
	}
	return "", r.errorf("unterminated string")
}

func (r *reader) number() (interface{}, error) {
	start := r.pos
	for r.pos < len(r.text) && strings.IndexByte("+-0123456789.eE", r.text[r.pos]) >= 0 {
		r.pos++
	}
	n := r.text[start:r.pos]
	if n == "" || !json.Valid([]byte(n)) {
		return nil, r.errorf("unexpected character")
	}
	return json.Number(n), nil
}

func writeJSON(v interface{}, pretty bool) string {
	var b bytes.Buffer
	write(&b, v, pretty, 0)
	return b.String()
}

func write(b *bytes.Buffer, v interface{}, pretty bool, depth int) {
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		quote(b, t)
	case bool:
		fmt.Fprint(b, t)
	case json.Number:
		b.WriteString(string(t))
	case int:
		fmt.Fprint(b, t)
	case *object:
		if len(t.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, k := range t.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, pretty, depth+1)
			quote(b, k)
			if pretty {
				b.WriteString(": ")
			} else {
				b.WriteByte(':')
			}
			write(b, t.values[k], pretty, depth+1)
		}
		newline(b, pretty, depth)
		b.WriteByte('}')
	case []interface{}:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, x := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, pretty, depth+1)
			write(b, x, pretty, depth+1)
		}
		newline(b, pretty, depth)
		b.WriteByte(']')
	default:
		panic(fmt.Sprintf("no JSON form for %T", v))
	}
}

func newline(b *bytes.Buffer, pretty bool, depth int) {
	if pretty {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat("  ", depth))
	}
}

// quote escapes as serde_json does: quote, backslash and control characters only (short forms where JSON has
// them); no HTML escaping.
func quote(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
