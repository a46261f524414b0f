/**
 * The node-manager port: what antfleet needs from the tool that owns the nodes in one container. Apply,
 * run, import, status, teardown and the {@code node} commands see only {@link io.antfleet.nodemanager.NodeManager}
 * (handed out per container by {@link io.antfleet.nodemanager.NodeManagers}); its registry entries
 * ({@link io.antfleet.nodemanager.RegisteredNode}) become node rows by one rule,
 * {@link io.antfleet.nodemanager.RegistryRows}. The first implementation is antctl 0.14
 * ({@link io.antfleet.antctl.AntctlManager}); {@code ant node} (ant-v2-contract.md) is to be the second, which
 * is why upgrades are a capability ({@link io.antfleet.nodemanager.NodeManager#upgrader()}).
 */
package io.antfleet.nodemanager;
