package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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

func parseJSON(text string) (interface{}, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("invalid JSON at offset %d: trailing characters", dec.InputOffset())
	}
	return v, nil
}

func readValue(dec *json.Decoder) (interface{}, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("invalid JSON at offset %d: %v", dec.InputOffset(), err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := newObject()
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("invalid JSON at offset %d: %v", dec.InputOffset(), err)
				}
				v, err := readValue(dec)
				if err != nil {
					return nil, err
				}
				o.set(key.(string), v)
			}
			_, err := dec.Token()
			return o, err
		case '[':
			list := []interface{}{}
			for dec.More() {
				v, err := readValue(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			_, err := dec.Token()
			return list, err
		}
		return nil, fmt.Errorf("invalid JSON at offset %d: unexpected %v", dec.InputOffset(), t)
	default:
		return tok, nil // nil, bool, string or json.Number
	}
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
