/**
 * The typed antctl client. Entry point: {@link io.antfleet.antctl.AntctlManagerFactory} (bound by
 * {@link io.antfleet.antctl.AntctlModule}) hands out one {@link io.antfleet.antctl.AntctlManager} per
 * container and mode; its operations take request records ({@link io.antfleet.antctl.AddRequest},
 * {@link io.antfleet.antctl.StartRequest}, {@link io.antfleet.antctl.UpgradeRequest}, ...) that validate
 * every value before any exec, and return parsed records ({@link io.antfleet.antctl.AntctlNode},
 * {@link io.antfleet.nodemanager.UpgradeSummary}). Arguments and parsers live in a dialect chosen from
 * {@code antctl --version} ({@link io.antfleet.antctl.Dialect014} for 0.14.x); a breaking antctl release
 * means a new dialect in {@link io.antfleet.antctl.Dialects}. Every failure is an
 * {@link io.antfleet.antctl.AntctlException} (command, exit code, stderr excerpt, per-node ✕ lines) or an
 * {@link io.antfleet.antctl.UnsupportedAntctlException} (antctl missing or refused).
 */
package io.antfleet.antctl;

import io.antfleet.nodemanager.UpgradeSummary;
