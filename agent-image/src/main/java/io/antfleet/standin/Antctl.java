package io.antfleet.standin;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The antctl stand-in: behaves like antctl 0.14.2 as described in antctl-contract.md (flags, exit codes,
 * stdout lines, registry) while driving the antnode stand-in. Global flags come before the subcommand.
 */
public final class Antctl {
    static final String VERSION = "0.14.2";
    static final String HELP = "Usage: antctl [OPTIONS] <COMMAND>\n\nCommands:\n"
            + "  add            Add one or more antnode services\n"
            + "  balance        Get node reward balances\n"
            + "  daemon         Run or manage the antctld daemon\n"
            + "  local          Manage a local network\n"
            + "  nat-detection  Run NAT detection\n"
            + "  remove         Remove antnode service(s)\n"
            + "  reset          Reset back to a clean base state\n"
            + "  start          Start antnode service(s)\n"
            + "  status         Get the status of services\n"
            + "  stop           Stop antnode service(s)\n"
            + "  upgrade        Upgrade antnode services\n"
            + "  help           Print this message or the help of the given subcommand(s)\n";

    private final Context ctx;

    Antctl(Context ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code;
        try {
            Context ctx = new Context(Environment.detect(), out, err, in, new NodeControl());
            code = new Antctl(ctx).run(List.of(args));
        } catch (Failure e) {
            err.print(e.render());
            code = e.exitCode();
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    int run(List<String> args) {
        try {
            return dispatch(args);
        } catch (UsageException e) {
            ctx.err().print(e.render());
            return 2;
        } catch (Failure e) {
            ctx.err().print(e.render());
            return e.exitCode();
        }
    }

    private int dispatch(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String flag = args.get(i);
            switch (flag) {
                case "--version":
                    ctx.out().println("Autonomi Node Manager v" + VERSION);
                    ctx.out().println("Package version: 2026.2.3.2");
                    ctx.out().println("Git info: stable / 0000000 / 2026-02-03 (antfleet stand-in)");
                    return 0;
                case "--crate-version":
                    ctx.out().println(VERSION);
                    return 0;
                case "-h":
                case "--help":
                    ctx.out().print(HELP);
                    return 0;
                case "--debug":
                case "--trace":
                    break;
                default:
                    if (!flag.matches("-v+")) {
                        throw new UsageException("unexpected argument '" + flag + "' found",
                                "antctl [OPTIONS] <COMMAND>");
                    }
            }
            i++;
        }
        if (i >= args.size()) {
            // bin/cli/main.rs:36 makes the subcommand optional and main.rs:1075 answers None with Ok(()):
            // nothing printed, exit 0 (the contract page says "prints help"; the source wins).
            return 0;
        }
        String name = args.get(i);
        if (List.of("daemon", "local", "nat-detection").contains(name)) {
            throw new Failure("The antctl stand-in does not implement '" + name + "'");
        }
        CommandSpec spec = CommandSpec.named(name).orElseThrow(() ->
                new UsageException("unrecognized subcommand '" + name + "'", "antctl [OPTIONS] <COMMAND>"));
        ParsedArgs parsed = ArgParser.parse(spec, args.subList(i + 1, args.size()));
        Optional<Faults.Fault> fault = new Faults(ctx.env().standinDir().resolve("faults")).take(name);
        if (fault.isPresent()) {
            Integer injected = inject(fault.get());
            if (injected != null) {
                return injected;
            }
        }
        return execute(parsed, fault);
    }

    /** Applies a scripted fault; returns an exit code when the fault ends the command. */
    private Integer inject(Faults.Fault fault) {
        fault.get("hang").ifPresent(seconds -> NodeControl.pause((long) (Double.parseDouble(seconds) * 1000)));
        if (fault.get("exit").isPresent()) {
            int code = Integer.parseInt(fault.get("exit").get());
            String message = fault.get("message").orElse("injected failure");
            if (code == 2) {
                ctx.err().print("error: " + message + "\n");
            } else if (code != 0) {
                ctx.err().print(new Failure(message).render());
            }
            return code;
        }
        return null;
    }

    private int execute(ParsedArgs parsed, Optional<Faults.Fault> fault) {
        String jsonFault = fault.flatMap(f -> f.get("json")).orElse(null);
        switch (parsed.command()) {
            case "add": return new AddCommand(ctx).run(parsed, fault.flatMap(f -> f.get("refuse")).orElse(""));
            case "start": return new StartCommand(ctx).run(parsed);
            case "stop": return new StopCommand(ctx).run(parsed);
            case "remove": return new RemoveCommand(ctx).remove(parsed);
            case "reset": return new RemoveCommand(ctx).reset(parsed);
            case "status": return new StatusCommand(ctx).run(parsed, jsonFault);
            case "upgrade": return new UpgradeCommand(ctx).run(parsed);
            case "balance": return balance(parsed);
            default: throw new Failure("unknown command " + parsed.command());
        }
    }

    private int balance(ParsedArgs parsed) {
        Registry registry = ctx.registry();
        for (NodeEntry node : Selector.select(registry, parsed)) {
            ctx.out().println(node.serviceName() + ": 0");
        }
        return 0;
    }
}
