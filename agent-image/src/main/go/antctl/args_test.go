package main

import (
	"reflect"
	"strings"
	"testing"
)

const address = "0x03B770D9cD32077cC0bF330c13C114a87643B124"

func parse(command string, args ...string) (p *parsedArgs, usage *usageError) {
	defer func() {
		if r := recover(); r != nil {
			usage = r.(*usageError)
		}
	}()
	return commands[command].parse(args), nil
}

func TestAddTakesFlagsThenTheEvmNetwork(t *testing.T) {
	p, err := parse("add", "--count", "3", "--node-port=55001-55003", "--rewards-address", address, "evm-arbitrum-one")
	if err != nil {
		t.Fatal(err.msg)
	}
	if v, _ := p.value("node-port"); p.number("count", 1) != 3 || v != "55001-55003" || p.evmNetwork != "evm-arbitrum-one" {
		t.Errorf("%+v", p)
	}
}

func TestUsageErrorsCarryClapsMessages(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // the message starts with this
	}{
		{[]string{"add", "--port", "55001", "--rewards-address", address, "evm-arbitrum-one"}, "unexpected argument '--port' found"},
		{[]string{"add", "--rewards-address", address, "evm-arbitrum-one", "--count", "2"}, "unexpected argument '--count' found"},
		{[]string{"add", "evm-arbitrum-one"}, "the following required arguments were not provided:\n  --rewards-address <REWARDS_ADDRESS>"},
		{[]string{"add", "--rewards-address", address}, "'antctl add' requires a subcommand"},
		{[]string{"add", "--rewards-address", address, "evm-custom", "--rpc-url", "http://x"}, "the following required arguments were not provided:\n  --payment-token-address <PAYMENT_TOKEN_ADDRESS>"},
		{[]string{"add", "--count", "1", "--count", "2", "--rewards-address", address, "evm-arbitrum-one"}, "the argument '--count <COUNT>' cannot be used multiple times"},
		{[]string{"stop", "--service-name", "antnode1", "--peer-id", "12D3"}, "the argument '--service-name <SERVICE_NAME>' cannot be used with '--peer-id <PEER_ID>'"},
		{[]string{"status", "--json", "--details"}, "the argument '--json' cannot be used with '--details'"},
		{[]string{"add", "--count", "x", "--rewards-address", address, "evm-arbitrum-one"}, "invalid value 'x' for '--count <COUNT>': invalid digit found in string"},
		{[]string{"add", "--node-port", "5-3", "--rewards-address", address, "evm-arbitrum-one"}, "invalid value '5-3' for '--node-port <NODE_PORT>': End port must be greater than start port"},
		{[]string{"add", "--rewards-address", "0x12", "evm-arbitrum-one"}, "invalid value '0x12' for '--rewards-address <REWARDS_ADDRESS>': Invalid EVM address"},
		{[]string{"add", "--network-id", "256", "--rewards-address", address, "evm-arbitrum-one"}, "invalid value '256' for '--network-id <NETWORK_ID>': number too large to fit in target type"},
		{[]string{"add", "--node-ip", "10.0.0.01", "--rewards-address", address, "evm-arbitrum-one"}, "invalid value '10.0.0.01' for '--node-ip <NODE_IP>': invalid IPv4 address syntax"},
		{[]string{"upgrade", "--version", "0.4.17", "--url", "http://x"}, "the argument '--version <VERSION>' cannot be used with '--url <URL>'"},
		{[]string{"start", "--interval", "1", "--connection-timeout", "5"}, "the argument '--interval <INTERVAL>' cannot be used with '--connection-timeout <CONNECTION_TIMEOUT>'"},
		{[]string{"status", "antnode1"}, "unexpected argument 'antnode1' found"},
	} {
		_, err := parse(c.args[0], c.args[1:]...)
		if err == nil || !strings.HasPrefix(err.msg, c.want) {
			t.Errorf("%v: got %v, want %q", c.args, err, c.want)
		}
	}
}

func TestEnvRepeatsOneVariablePerOccurrenceWithoutCommaSplitting(t *testing.T) {
	p, _ := parse("add", "--env", "A=1,B=2", "--env", "C=3", "--rewards-address", address, "evm-arbitrum-one")
	if !reflect.DeepEqual(p.values("env"), []string{"A=1,B=2", "C=3"}) {
		t.Errorf("%v", p.values("env"))
	}
}

func TestServiceNameRepeatsAndResetTakesShortForce(t *testing.T) {
	p, _ := parse("start", "--service-name", "antnode1", "--service-name", "antnode2")
	if !reflect.DeepEqual(p.values("service-name"), []string{"antnode1", "antnode2"}) {
		t.Errorf("%v", p.values("service-name"))
	}
	if p, _ := parse("reset", "-f"); !p.has("force") {
		t.Error("-f is not --force")
	}
}
