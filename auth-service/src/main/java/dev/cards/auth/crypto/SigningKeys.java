package dev.cards.auth.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import dev.cards.auth.config.AuthConfig;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The RSA key that signs access tokens, and every public key the JWKS publishes: the signing key's
 * own and those of retired keys whose tokens may still be live (so a key can be rotated without
 * breaking sessions). Key ids are RFC 7638 JWK thumbprints, so they are stable across replicas.
 */
// Eager: in prod a missing key must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class SigningKeys {

    public static final String ALGORITHM = AlgorithmIdentifiers.RSA_USING_SHA256;
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final List<PublicJsonWebKey> published = new ArrayList<>();
    private final String jwksJson;
    private final byte[] derivationSecret;

    public SigningKeys(AuthConfig config) {
        AuthConfig.SigningKey keyConfig = config.signingKey();
        KeyPair pair = keyConfig.location().map(SigningKeys::readKeyPair).orElseGet(() -> generated(keyConfig));
        this.signingKey = pair.getPrivate();
        PublicJsonWebKey signing = publish(pair.getPublic());
        this.signingKeyId = signing.getKeyId();
        for (String location : keyConfig.additionalPublicKeys().orElse(List.of())) {
            publish(readPublicKey(location.trim()));
        }
        this.jwksJson = new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        this.derivationSecret = sha256("cards refresh-token successor key", pair.getPrivate().getEncoded());
        LOG.infof("Signing access tokens with key %s; JWKS publishes %d key(s)", signingKeyId, published.size());
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** Public keys that verify tokens from this service, for its own checks. */
    public List<PublicJsonWebKey> publishedKeys() {
        return List.copyOf(published);
    }

    /** The JWKS document (RFC 7517 §5), public parameters only. */
    public String jwksJson() {
        return jwksJson;
    }

    /** A secret derived from the signing key, shared by every replica that holds the key. */
    public byte[] derivationSecret() {
        return derivationSecret.clone();
    }

    private PublicJsonWebKey publish(PublicKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setUse("sig");
            jwk.setAlgorithm(ALGORITHM);
            if (published.stream().noneMatch(k -> k.getKeyId().equals(jwk.getKeyId()))) {
                published.add(jwk);
            }
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot publish signing key: " + e.getMessage(), e);
        }
    }

    private static KeyPair generated(AuthConfig.SigningKey keyConfig) {
        if (!keyConfig.generateIfMissing()) {
            throw new IllegalStateException("No signing key: set auth.signing-key.location (AUTH_SIGNING_KEY_LOCATION) "
                    + "to a PKCS#8 PEM file holding an RSA private key of at least 2048 bits");
        }
        LOG.warn("No auth.signing-key.location: generated a throw-away signing key. Tokens will not survive a restart; "
                + "never run like this in production.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair readKeyPair(String location) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of(location)));
            if (!(key instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The signing key at " + location + " is not an RSA key of at least 2048 bits");
            }
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key at " + location + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The signing key at " + location + " is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static PublicKey readPublicKey(String location) {
        try {
            return KeyUtils.decodePublicKey(Files.readString(Path.of(location)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the public key at " + location + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The key at " + location + " is not a PEM RSA public key", e);
        }
    }

    private static byte[] sha256(String label, byte[] material) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return digest.digest(material);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
