package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// portArgument is a --node-port-style value: one port or an ascending range A-B with A strictly below B
// (contract §2).
type portArgument struct{ start, end int }

var digits = regexp.MustCompile(`^\d+$`)

func parsePortArgument(text string) (portArgument, error) {
	if digits.MatchString(text) {
		p, err := parsePort(text)
		return portArgument{p, p}, err
	}
	parts := strings.Split(text, "-")
	if len(parts) != 2 {
		return portArgument{}, errors.New("Port range must be in the format 'start-end'")
	}
	start, err := parsePort(parts[0])
	if err != nil {
		return portArgument{}, err
	}
	end, err := parsePort(parts[1])
	if err != nil {
		return portArgument{}, err
	}
	if start >= end {
		return portArgument{}, errors.New("End port must be greater than start port")
	}
	return portArgument{start, end}, nil
}

func parsePort(text string) (int, error) {
	n, err := strconv.Atoi(text)
	if !digits.MatchString(text) || len(text) > 5 || err != nil || n > 65535 {
		switch {
		case text == "":
			return 0, errors.New("cannot parse integer from empty string")
		case digits.MatchString(text):
			return 0, errors.New("number too large to fit in target type")
		default:
			return 0, errors.New("invalid digit found in string")
		}
	}
	return n, nil
}

func (p portArgument) size() int { return p.end - p.start + 1 }

func (p portArgument) ports() []int {
	var ports []int
	for q := p.start; q <= p.end; q++ {
		ports = append(ports, q)
	}
	return ports
}

// requireCount is the real tool's count rule: a single port needs count 1, a range needs count equal to its size.
func (p portArgument) requireCount(count int) {
	if count != p.size() {
		panic(fail("The count (%d) does not match the number of ports (%d)", count, p.size()))
	}
}
