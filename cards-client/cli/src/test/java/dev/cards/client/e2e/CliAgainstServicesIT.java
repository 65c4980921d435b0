package dev.cards.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI ({@code target/quarkus-app/quarkus-run.jar}) against the packaged services. */
class CliAgainstServicesIT {

    static final Path CLI_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path dir;
    private Services services;
    private Path sessionFile;

    record Run(int exitCode, String out) {
    }

    @BeforeEach
    void start() throws Exception {
        services = Services.get();
        sessionFile = dir.resolve("session.json");
    }

    private Run cards(String stdin, String... args) throws Exception {
        return cardsAt(services.auth.url().toString(), services.cards.url().toString(), stdin, args);
    }

    private Run cardsAt(String authUrl, String cardsUrl, String stdin, String... args) throws Exception {
        return run(authUrl, cardsUrl, sessionFile, stdin, args);
    }

    /** The CLI with another session file: another device. */
    private Run cardsWith(Path session, String stdin, String... args) throws Exception {
        return run(services.auth.url().toString(), services.cards.url().toString(), session, stdin, args);
    }

    private Run run(String authUrl, String cardsUrl, Path session, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--auth-url", authUrl, "--cards-url", cardsUrl, "--session-file", session.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out);
    }

    @Test
    void demoShowsOneRefreshForThirtyTwoParallelCallsAndEndsWithSessionExpired() throws Exception {
        Run demo = cards("", "demo", "--server-skew", String.valueOf(Services.SERVER_SKEW_SECONDS), "--email", "demo-" + UUID.randomUUID() + "@example.com");
        Files.writeString(Path.of("target/e2e/demo-output.txt"), demo.out());
        assertEquals(0, demo.exitCode(), demo.out());
        assertTrue(demo.out().contains("32 calls: 32 x 401, 1 refresh request(s), all 32 answered 200"), demo.out());
        assertTrue(demo.out().contains("session expired: the refresh token was revoked"), demo.out());
        assertTrue(demo.out().contains("summary: "), demo.out());
    }

    @Test
    void aSessionLivesAcrossInvocationsUntilItIsRevoked() throws Exception {
        String email = "cli-" + UUID.randomUUID() + "@example.com";
        assertEquals(0, cards("cli-password-123\n", "signup", "--email", email, "--password-stdin").exitCode());
        assertEquals(0, cards("cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());
        Run added = cards("", "add", "--question", "Capital of France?", "--answer", "Paris", "--tag", "geo");
        assertEquals(0, added.exitCode(), added.out());
        Thread.sleep(3300); // the access token expires; the next invocation refreshes through the file
        Run list = cards("", "list");
        assertEquals(0, list.exitCode(), list.out());
        assertTrue(list.out().contains("Capital of France?  [geo]"), list.out());
        Run whoami = cards("", "whoami");
        assertTrue(whoami.out().startsWith(email), whoami.out());
        String id = added.out().trim().substring("Added ".length());
        Run edited = cards("", "edit", id, "--answer", "Paris, on the Seine");
        assertEquals(0, edited.exitCode(), edited.out());
        Run shown = cards("", "show", id, "--json");
        assertTrue(shown.out().contains("\"answer\" : \"Paris, on the Seine\""), shown.out());
        assertEquals(0, cards("", "delete", id).exitCode());
        assertEquals(1, cards("", "show", id).exitCode());

        Path copy = dir.resolve("copy.json");
        Files.copy(sessionFile, copy);
        assertEquals(0, cards("", "logout").exitCode());
        assertTrue(Files.notExists(sessionFile));
        assertEquals(3, cards("", "list").exitCode());

        // Another copy of the revoked session: once its access token expires, the refresh fails.
        Files.copy(copy, sessionFile, StandardCopyOption.REPLACE_EXISTING);
        Thread.sleep(3300);
        Run revoked = cards("", "list");
        assertEquals(3, revoked.exitCode(), revoked.out());
        assertTrue(revoked.out().contains("session expired"), revoked.out());
    }

    @Test
    void sessionsAreListedAndEndedThePasswordChangedAndTheAccountDeleted() throws Exception {
        String email = "cli-" + UUID.randomUUID() + "@example.com";
        Path phone = dir.resolve("phone.json");
        assertEquals(0, cards("cli-password-123\n", "signup", "--email", email, "--password-stdin").exitCode());
        assertEquals(0, cards("cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());
        assertEquals(0, cardsWith(phone, "cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());

        Run listed = cards("", "sessions", "--json");
        assertEquals(0, listed.exitCode(), listed.out());
        JsonNode items = new ObjectMapper().readTree(listed.out()).get("items");
        assertEquals(2, items.size(), listed.out());
        assertEquals(1, items.findValues("current").stream().filter(JsonNode::asBoolean).count(), listed.out());
        Run table = cards("", "sessions");
        assertEquals(3, table.out().lines().count(), table.out());
        assertEquals(1, table.out().lines().filter(line -> line.startsWith("* ")).count(), table.out());
        String phoneId = new ObjectMapper().readTree(cardsWith(phone, "", "sessions", "--json").out()).get("items")
                .findParents("current").stream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow()
                .get("id").asText();

        assertEquals(0, cards("", "sessions", "end", phoneId).exitCode());
        Thread.sleep(3300); // the phone's access token expires; its refresh is refused
        Run ended = cardsWith(phone, "", "list");
        assertEquals(3, ended.exitCode(), ended.out());
        assertTrue(ended.out().contains("session expired"), ended.out());
        assertEquals(1, cards("", "sessions", "end", phoneId).exitCode(), "an ended session is not found");

        assertEquals(0, cardsWith(phone, "cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());
        Run wrong = cards("not-the-password\nnew-password-456\n", "password", "--password-stdin");
        assertEquals(1, wrong.exitCode(), wrong.out());
        Run changed = cards("cli-password-123\nnew-password-456\n", "password", "--password-stdin");
        assertEquals(0, changed.exitCode(), changed.out());
        assertFalse(changed.out().contains("new-password-456"), changed.out());
        Thread.sleep(3300);
        assertEquals(3, cardsWith(phone, "", "list").exitCode(), "the password change ended the other session");
        assertEquals(0, cards("", "list").exitCode(), "the caller's session goes on");
        assertEquals(1, cardsWith(phone, "cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());

        assertEquals(2, cards("new-password-456\n", "account", "delete", "--password-stdin").exitCode(),
                "without --yes and a console: refused");
        Run deleted = cards("new-password-456\n", "account", "delete", "--password-stdin", "--yes", "--json");
        assertEquals(0, deleted.exitCode(), deleted.out());
        assertTrue(Files.notExists(sessionFile));
        assertEquals(3, cards("", "sessions").exitCode());
        assertEquals(1, cards("new-password-456\n", "login", "--email", email, "--password-stdin").exitCode());
    }

    @Test
    void aSessionIsNotSentToAnotherAuthUrl() throws Exception {
        String email = "cli-" + UUID.randomUUID() + "@example.com";
        assertEquals(0, cards("cli-password-123\n", "signup", "--email", email, "--password-stdin").exitCode());
        assertEquals(0, cards("cli-password-123\n", "login", "--email", email, "--password-stdin").exitCode());
        String refreshToken = new ObjectMapper().readTree(sessionFile.toFile()).get("refresh_token").asText();
        // The same auth-service under another name: another issuer, as far as the session can tell.
        String other = "http://localhost:" + services.auth.url().getPort();

        Run refused = cardsAt(other, services.cards.url().toString(), "", "list");

        assertEquals(3, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("log in again against " + other), refused.out());
        assertFalse(refused.out().contains(refreshToken), refused.out());
        assertEquals(0, cards("", "list").exitCode(), "the session still works where it came from");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() throws Exception {
        Run refused = cardsAt("http://auth.example.com", services.cards.url().toString(), "cli-password-123\n", "login",
                "--email", "ada@example.com", "--password-stdin");

        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("use https://"), refused.out());
    }

    @Test
    void wrongPasswordExitsOne() throws Exception {
        Run run = cards("not-the-password\n", "login", "--email", "nobody-" + UUID.randomUUID() + "@example.com",
                "--password-stdin");
        assertEquals(1, run.exitCode(), run.out());
    }
}
