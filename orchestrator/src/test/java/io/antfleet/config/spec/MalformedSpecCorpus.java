package io.antfleet.config.spec;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Malformed specs, one problem each: the base spec of {@link SpecLoaderTest} with one edit (or a raw
 * text), and the exact start of the error ({@code s.yaml:LINE:COL: message}). Shared by the loader test
 * and the CLI's exit-code test.
 */
public final class MalformedSpecCorpus {
    private MalformedSpecCorpus() {
    }

    public static Stream<Arguments> cases() {
        return Stream.of(
                edit("unknown top-level key with a suggestion", "noUpnp: true", "noUpmp: true",
                        "s.yaml:7:1: unknown key 'noUpmp' at the top level (did you mean 'noUpnp'?)"),
                edit("unknown key with no close match lists the allowed keys", "noUpnp: true", "noUpnp: true\ncolour: red",
                        "s.yaml:8:1: unknown key 'colour' at the top level (expected one of: apiVersion, fleet, ports, hosts, containers, "
                                + "autoscale, notify, image, nodeManager, processManager, rewardsAddress, network, noUpnp, antnode, selfUpgrade, "
                                + "stopOnUpgrade)"),
                edit("a fleet whose nodes would not upgrade themselves cannot be had", "noUpnp: true", "noUpnp: true\nselfUpgrade: false",
                        "s.yaml:8:14: selfUpgrade: false is not possible: the nodes' self-upgrade cannot be turned off: antnode 0.4.x"),
                edit("a container whose nodes would not upgrade themselves cannot be had", "    nodes: 4", "    nodes: 4\n    selfUpgrade: false",
                        "s.yaml:13:18: containers[0].selfUpgrade: false is not possible: the nodes' self-upgrade cannot be turned off"),
                edit("stopOnUpgrade is explained, not taken for antfleet-only upgrades", "noUpnp: true", "noUpnp: true\nstopOnUpgrade: true",
                        "s.yaml:8:16: stopOnUpgrade: not an antfleet setting: every node already runs with --stop-on-upgrade, and it "
                                + "does not keep a node on antfleet's version: the nodes' self-upgrade cannot be turned off"),
                edit("unknown container key", "    nodes: 4", "    nodez: 4\n    nodes: 4",
                        "s.yaml:12:5: unknown key 'nodez' in containers[0] (did you mean 'nodes'?)"),
                edit("unknown autoscale key", "  nodeCap: 50", "  nodecap: 50",
                        "s.yaml:18:3: unknown key 'nodecap' in autoscale (did you mean 'nodeCap'?)"),
                edit("unknown ports key", "blockSize: 100", "blocksize: 100",
                        "s.yaml:9:50: unknown key 'blocksize' in ports (did you mean 'blockSize'?)"),
                edit("wrong apiVersion", "apiVersion: antfleet/v1", "apiVersion: antfleet/v2",
                        "s.yaml:1:13: apiVersion: unsupported apiVersion 'antfleet/v2' (expected antfleet/v1)"),
                edit("missing apiVersion", "apiVersion: antfleet/v1\n", "",
                        "s.yaml:1:1: missing required key 'apiVersion'"),
                edit("missing fleet", "fleet: home\n", "",
                        "s.yaml:1:1: missing required key 'fleet'"),
                edit("fleet name invalid for docker", "fleet: home", "fleet: 'my fleet'",
                        "s.yaml:2:8: fleet: invalid name 'my fleet' (1-63 characters: letters, digits, '_', '.', '-', starting with a letter or digit)"),
                edit("missing image", "image: antfleet/agent:stand-in\n", "",
                        "s.yaml:1:1: missing required key 'image'"),
                edit("unknown process manager", "processManager: antctl+sudo", "processManager: systemd",
                        "s.yaml:4:17: processManager: unknown process manager 'systemd' (expected one of antctl+user, antctl+sudo)"),
                edit("bad wallet address", "0x03B770D9cD32077cC0bF330c13C114a87643B124:100", "0x03B7:100",
                        "s.yaml:5:17: rewardsAddress: invalid wallet address '0x03B7' (expected 0x followed by 40 hex digits, or faucet or donate)"),
                edit("zero weight", "donate:5", "donate:0",
                        "s.yaml:5:17: rewardsAddress: invalid weight '0' in 'donate:0' (expected a positive integer)"),
                edit("non-numeric weight", "donate:5", "donate:lots",
                        "s.yaml:5:17: rewardsAddress: invalid weight 'lots' in 'donate:lots' (expected a positive integer)"),
                edit("empty rewards entry", ":100,donate:5", ":100,,donate:5",
                        "s.yaml:5:17: rewardsAddress: empty entry in rewards address '0x03B770D9cD32077cC0bF330c13C114a87643B124:100,,donate:5'"),
                edit("duplicate rewards target", "donate:5", "donate:5,donate:1",
                        "s.yaml:5:17: rewardsAddress: 'donate' appears twice in rewards address "
                                + "'0x03B770D9cD32077cC0bF330c13C114a87643B124:100,donate:5,donate:1'"),
                edit("unknown network with suggestion", "network: evm-arbitrum-one", "network: evm-arbitrum-uno",
                        "s.yaml:6:10: network: unknown network 'evm-arbitrum-uno' (did you mean 'evm-arbitrum-one'? expected one of "
                                + "evm-arbitrum-one, evm-arbitrum-sepolia-test, evm-local, or {custom: {rpcUrl, paymentTokenAddress, dataPaymentsAddress}})"),
                edit("custom network missing data payments", "network: evm-arbitrum-one",
                        "network: {custom: {rpcUrl: 'http://x:8545', paymentTokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3'}}",
                        "s.yaml:6:19: missing required key 'network.custom.dataPaymentsAddress'"),
                edit("custom network bad url", "network: evm-arbitrum-one",
                        "network: {custom: {rpcUrl: 'ftp://x', paymentTokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',"
                                + " dataPaymentsAddress: '0x8464135c8F25Da09e49BC8782676a84730C318bC'}}",
                        "s.yaml:6:28: network.custom.rpcUrl: invalid rpc url 'ftp://x' (expected http:// or https://)"),
                edit("noUpnp not a boolean", "noUpnp: true", "noUpnp: maybe",
                        "s.yaml:7:9: noUpnp: expected true or false, got string 'maybe'"),
                edit("antnode with version and path", "antnode: {version: 0.4.17}", "antnode: {version: 0.4.17, path: /opt/antnode}",
                        "s.yaml:8:10: antnode: give either version or path, not both"),
                edit("antnode version not semver", "version: 0.4.17", "version: latest",
                        "s.yaml:8:20: antnode.version: invalid antnode version 'latest' (expected X.Y.Z, e.g. 0.4.17)"),
                edit("antnode relative path", "antnode: {version: 0.4.17}", "antnode: {path: bin/antnode}",
                        "s.yaml:8:17: antnode.path: antnode path 'bin/antnode' is not absolute"),
                edit("antnode version antctl is not given", "version: 0.4.17", "version: 0.4.17+build.1",
                        "s.yaml:8:20: antnode.version: invalid antnode version '0.4.17+build.1' (expected X.Y.Z, e.g. 0.4.17)"),
                edit("antnode path with ..", "antnode: {version: 0.4.17}", "antnode: {path: /opt/../etc/antnode}",
                        "s.yaml:8:17: antnode.path: antnode path '/opt/../etc/antnode' is not one antctl is given"),
                edit("antnode path with a space", "antnode: {version: 0.4.17}", "antnode: {path: '/opt/ant node'}",
                        "s.yaml:8:17: antnode.path: antnode path '/opt/ant node' is not one antctl is given"),
                edit("custom network url with shell characters", "network: evm-arbitrum-one",
                        "network: {custom: {rpcUrl: 'http://x:8545/$(id)', paymentTokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',"
                                + " dataPaymentsAddress: '0x8464135c8F25Da09e49BC8782676a84730C318bC'}}",
                        "s.yaml:6:28: network.custom.rpcUrl: invalid rpc url: letters, digits"),
                edit("port out of range", "node: 55000", "node: 70000",
                        "s.yaml:9:15: ports.node: 70000 is out of range 1-65535"),
                edit("port not a number", "rpc: 30000", "rpc: high",
                        "s.yaml:9:43: ports.rpc: expected an integer, got string 'high'"),
                edit("blocks past 65535", "node: 55000", "node: 65500",
                        "s.yaml:9:8: ports: 2 blocks of 100 ports do not fit below port 65536"),
                edit("node and metrics spans overlap", "metrics: 13000", "metrics: 55150",
                        "s.yaml:9:8: ports: node ports 55000-55199 overlap metrics ports 55150-55349 (2 blocks of 100)"),
                edit("block size zero", "blockSize: 100", "blockSize: 0",
                        "s.yaml:9:61: ports.blockSize: 0 is out of range 1-65535"),
                edit("more nodes than the block holds", "nodes: 4", "nodes: 101",
                        "s.yaml:12:12: containers[0].nodes: 101 nodes do not fit in a port block of 100 (ports.blockSize)"),
                edit("node count as text", "nodes: 4", "nodes: four",
                        "s.yaml:12:12: containers[0].nodes: expected a node count (e.g. 4) or {min, max}, got string 'four'"),
                edit("negative node count", "nodes: 4", "nodes: -1",
                        "s.yaml:12:12: containers[0].nodes: -1 is out of range 0-10000"),
                edit("min above max", "nodes: {min: 0, max: 40}", "nodes: {min: 9, max: 3}",
                        "s.yaml:15:12: containers[1].nodes: min (9) must not exceed max (3)"),
                edit("range without max", "nodes: {min: 0, max: 40}", "nodes: {min: 0}",
                        "s.yaml:15:12: missing required key 'containers[1].nodes.max'"),
                edit("duplicate container name", "name: beta", "name: alpha",
                        "s.yaml:14:11: containers[1].name: duplicate container name 'alpha' (first at line 11)"),
                edit("container name invalid for docker", "name: beta", "name: 'beta/1'",
                        "s.yaml:14:11: containers[1].name: invalid name 'beta/1' (1-63 characters: letters, digits, '_', '.', '-', "
                                + "starting with a letter or digit)"),
                edit("container without name", "  - name: beta\n    nodes:", "  - nodes:",
                        "s.yaml:14:5: missing required key 'containers[1].name'"),
                raw("containers not a list", "apiVersion: antfleet/v1\nfleet: f\nimage: i\nrewardsAddress: faucet\ncontainers: alpha\n",
                        "s.yaml:5:13: containers: expected a list, got string 'alpha'"),
                edit("memory with a bad unit", "memory: 4g", "memory: 4 gigs",
                        "s.yaml:13:31: containers[0].limits.memory: invalid memory size '4 gigs' (expected e.g. 512m or 4g)"),
                edit("memory below docker's minimum", "memory: 4g", "memory: 1k",
                        "s.yaml:13:31: containers[0].limits.memory: memory '1k' is below Docker's minimum of 4m"),
                edit("zero cpus", "cpus: 2", "cpus: 0",
                        "s.yaml:13:20: containers[0].limits.cpus: 0 must be a positive number"),
                edit("threshold add not below remove", "cpu: {add: 50, remove: 70}", "cpu: {add: 70, remove: 70}",
                        "s.yaml:19:8: autoscale.cpu: add (70) must be below remove (70): nodes are added under add and removed over remove"),
                edit("threshold over 100 percent", "disk: {add: 75, remove: 90}", "disk: {add: 75, remove: 190}",
                        "s.yaml:21:27: autoscale.disk.remove: 190 is out of range 0-100"),
                edit("load desired above max", "load: {desired: 1.2, max: 2.0}", "load: {desired: 3, max: 2.0}",
                        "s.yaml:22:9: autoscale.load: desired (3.0) must not exceed max (2.0)"),
                edit("zero concurrency", "starts: 2", "starts: 0",
                        "s.yaml:23:27: autoscale.maxConcurrent.starts: 0 is out of range 1-1000"),
                edit("bad duration", "start: 300s", "start: soon",
                        "s.yaml:24:19: autoscale.delays.start: invalid duration 'soon' (expected e.g. 300s, 10m or 1h)"),
                edit("duplicate key", "noUpnp: true", "noUpnp: true\nnoUpnp: false",
                        "s.yaml:8:1: duplicate key 'noUpnp' (first at line 7)"),
                edit("not yaml at all", "fleet: home", "fleet: [home",
                        "s.yaml:3:6: not valid YAML: "),
                raw("a list instead of a mapping", "- apiVersion: antfleet/v1\n",
                        "s.yaml:1:1: expected a mapping, got a list"),
                raw("an empty file", "", "s.yaml:1:1: the spec is empty (expected apiVersion: antfleet/v1 and the fleet)"),
                raw("a container that is not a mapping", "apiVersion: antfleet/v1\nfleet: f\nimage: i\nrewardsAddress: faucet\n"
                        + "containers: [alpha]\n", "s.yaml:5:14: containers[0]: expected a mapping, got string 'alpha'")
        );
    }

    private static Arguments edit(String name, String from, String to, String expected) {
        String text = SpecLoaderTest.VALID;
        if (!text.contains(from)) {
            throw new IllegalArgumentException(name + ": base spec has no '" + from + "'");
        }
        text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        return Arguments.of(name, text, expected);
    }

    private static Arguments raw(String name, String text, String expected) {
        return Arguments.of(name, text, expected);
    }

}
