package io.antfleet.cli;

import io.antfleet.cli.render.HostNames;
import io.antfleet.engine.ImportReport;
import java.io.PrintWriter;

/** The human form of an import: one table per container (service, number, status, ports). */
final class ImportTable {
    private static final String ROW = "  %-12s %6s  %-8s %-8s %9s %9s %9s%n";

    private ImportTable() {
    }

    static void print(ImportReport report, PrintWriter out, PrintWriter err) {
        if (report.containers().isEmpty() && report.unreachable().isEmpty()) {
            out.println("No containers to import (none is labelled antfleet.fleet; name one with --container).");
        }
        report.unreachable().forEach(p -> err.println("✕ " + p.host() + ": " + p.message() + "; nothing was imported from it"));
        for (ImportReport.ContainerImport c : report.containers()) {
            String name = HostNames.qualified(c.name(), c.host());
            if (c.error() != null) {
                err.println("✕ " + name + ": " + c.error());
                continue;
            }
            out.printf("%s (%s, %d node(s))%n", name, c.processManager(), c.nodes().size());
            if (c.nodes().isEmpty()) {
                out.println("  (antctl has no nodes here)");
            } else {
                out.printf(ROW, "SERVICE", "NUMBER", "STATUS", "ANTCTL", "NODE", "METRICS", "RPC");
                for (ImportReport.ImportedNode n : c.nodes()) {
                    out.printf(ROW, n.service(), n.number(), n.status(), n.antctlStatus(), port(n.nodePort()),
                            port(n.metricsPort()), port(n.rpcPort()));
                }
            }
            c.nodes().stream().filter(n -> n.problem() != null).forEach(n -> err.println("! " + name + "/" + n.service()
                    + ": recorded as UNKNOWN, its values were refused: " + n.problem()));
            if (!c.markedDead().isEmpty()) {
                out.println("  no longer listed by antctl, marked DEAD: " + String.join(", ", c.markedDead()));
            }
            c.versionNotes().forEach(n -> out.println("  note: " + n));
        }
    }

    private static String port(Integer port) {
        return port == null ? "-" : port.toString();
    }
}
