package dev.cards.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Session files as the CLI finds them on disk: written as JSON, not through the library, so that a
 * test can also lay down a file of the previous version (no {@code issuer}).
 */
final class SessionFiles {

    private SessionFiles() {
    }

    /** A session whose access token is valid for five more minutes, obtained from {@code issuer} (null: none recorded). */
    static void write(Path file, String access, String refresh, String issuer) {
        long now = Instant.now().toEpochMilli();
        String json = "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"access_issued_at\":"
                + now + ",\"access_expires_at\":" + (now + 300_000) + ",\"refresh_expires_at\":null"
                + (issuer == null ? "" : ",\"issuer\":\"" + issuer + "\"") + "}";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
