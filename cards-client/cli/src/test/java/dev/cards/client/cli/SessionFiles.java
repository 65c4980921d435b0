package dev.cards.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cards.client.DPoPKey;

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

    /** A session bound to {@code key} (RFC 9449), as the library writes it: token_type DPoP and the private JWK. */
    static void writeBound(Path file, String access, String refresh, String issuer, DPoPKey key) {
        long now = Instant.now().toEpochMilli();
        try {
            String json = "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"access_issued_at\":"
                    + now + ",\"access_expires_at\":" + (now + 300_000) + ",\"refresh_expires_at\":null,\"issuer\":\""
                    + issuer + "\",\"token_type\":\"DPoP\",\"dpop_key\":" + new ObjectMapper().writeValueAsString(key.toJwk()) + "}";
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
