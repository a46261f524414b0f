package main

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
)

// Reads a running node's state over its 127.0.0.1 HTTP server: the stand-in node serves the same text on its rpc
// port, which every node has, where the real antctl asks over RPC (README, "what it does differently").

const probeTimeout = 2 * time.Second

func request(path string) []byte {
	return []byte("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
}

// probeGet returns the body of a 200 answer, or "" for anything else.
func probeGet(port int, path string) string {
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), probeTimeout)
	if err != nil {
		return ""
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(probeTimeout))
	if _, err := conn.Write(request(path)); err != nil {
		return ""
	}
	response, err := io.ReadAll(conn)
	if err != nil {
		return ""
	}
	body := bytes.Index(response, []byte("\r\n\r\n"))
	if !bytes.HasPrefix(response, []byte("HTTP/1.1 200")) || body < 0 {
		return ""
	}
	return string(response[body+4:])
}

// answer is how a node answered a request: the refresh tells a closed port from a wedged node.
type answer int

const (
	answered answer = iota
	refused
	silent
)

func probeAsk(port int, path string) answer {
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), probeTimeout)
	if err != nil {
		return timeoutOr(err, refused)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(probeTimeout))
	if _, err := conn.Write(request(path)); err != nil {
		return timeoutOr(err, refused)
	}
	one := make([]byte, 1)
	if _, err := conn.Read(one); err != nil {
		if err == io.EOF {
			return silent
		}
		return timeoutOr(err, refused)
	}
	return answered
}

func timeoutOr(err error, otherwise answer) answer {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return silent
	}
	return otherwise
}

func probeConnectedPeers(port int) int {
	v := sample(probeGet(port, "/metrics"), "ant_networking_connected_peers ")
	f, _ := strconv.ParseFloat(v, 64)
	return int(f)
}

func probePeerID(port int) string {
	v := sample(probeGet(port, "/metadata"), `ant_networking_peer_id_info{peer_id="`)
	if q := strings.IndexByte(v, '"'); q >= 0 {
		return v[:q]
	}
	return ""
}

func sample(text, prefix string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return strings.TrimSpace(line[len(prefix):])
		}
	}
	return ""
}
