package dev.cards.auth.crypto;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.cards.auth.crypto.PasswordHasher.Argon2Params;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged service (the native executable under {@code -Pnative,postgresql}) hashes with
 * libargon2, and its hashes and Bouncy Castle's are the same PHC strings: a hash the Java
 * implementation made signs in, and a hash the service made verifies in Java.
 */
@QuarkusIntegrationTest
@Tag("packaged")
class PasswordHashInteropIT {

    /** The %pg database the packaged tests run against (.ci/run makes it). */
    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/cards_auth_test";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Argon2Params OWASP = new Argon2Params(19456, 2, 1);
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    @Test
    void theServiceHashesWithLibargon2() throws Exception {
        // The hasher is made at the first hash, and says which implementation it uses.
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "hasher-" + UUID.randomUUID() + "@example.com", "password", PASSWORD))
                .post("/auth/signup").then().statusCode(201);
        // QuarkusIntegrationTest writes the artifact's output here.
        String log = Files.readString(Path.of("target/quarkus.log"));
        assertTrue(log.contains("libargon2 (native)"), "the service did not say it hashes with libargon2");
    }

    @Test
    void aHashMadeByTheJavaArgon2SignsIn() throws Exception {
        String email = "java-hash-" + UUID.randomUUID() + "@example.com";
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = new JavaArgon2().argon2id(PASSWORD.getBytes(StandardCharsets.UTF_8), salt, OWASP, 32);
        String phc = "$argon2id$v=19$m=19456,t=2,p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        try (Connection db = DriverManager.getConnection(DB, "cards_auth", "cards_auth");
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO app_user (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, email);
            insert.setString(3, phc);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/login").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD + "!"))
                .post("/auth/login").then().statusCode(401);
    }

    @Test
    void aHashTheServiceMadeVerifiesInJava() throws Exception {
        String email = "native-hash-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/auth/signup").then().statusCode(201);
        String phc;
        try (Connection db = DriverManager.getConnection(DB, "cards_auth", "cards_auth");
                PreparedStatement select = db.prepareStatement("SELECT password_hash FROM app_user WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                phc = row.getString(1);
            }
        }
        String[] parts = phc.split("\\$");
        assertEquals("m=19456,t=2,p=1", parts[3]);
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        byte[] actual = new JavaArgon2().argon2id(PASSWORD.getBytes(StandardCharsets.UTF_8), salt, OWASP, expected.length);
        assertTrue(MessageDigest.isEqual(expected, actual), "Bouncy Castle does not verify the service's hash");
    }
}
