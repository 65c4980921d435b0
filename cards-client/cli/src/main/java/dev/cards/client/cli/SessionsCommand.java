package dev.cards.client.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cards.client.SignedInSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sessions", description = "List your sessions on every device, the most recently used first; "
        + "* marks this one.", subcommands = SessionsEndCommand.class)
class SessionsCommand implements Runnable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final List<String> HEADINGS = List.of("ID", "DEVICE", "CLIENT", "STARTED (UTC)", "LAST USED (UTC)", "ADDRESS", "DPOP");

    @ParentCommand
    CardsCommand cards;
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print {\"items\":[...]} with the API's fields")
    boolean json;

    @Override
    public void run() {
        List<SignedInSession> sessions = cards.clients().sessions().sessions();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            cards.printJson(out, Map.of("items", sessions));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (SignedInSession s : sessions) {
            rows.add(List.of(s.id(), orDash(s.device()), orDash(s.client()), time(s.startedAt()), time(s.lastUsedAt()),
                    orDash(s.address()), s.dpopBound() ? "yes" : "no"));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(r > 0 && sessions.get(r - 1).current() ? "* " : "  ");
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r).get(i);
                line.append(cell).append(i < widths.length - 1 ? " ".repeat(widths[i] - cell.length() + 2) : "");
            }
            out.println(line);
        }
    }

    private static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
