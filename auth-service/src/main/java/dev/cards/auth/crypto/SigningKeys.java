package dev.cards.auth.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;

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
 * The key that signs access tokens, and every public key the JWKS publishes: the signing key's
 * own and those of retired keys whose tokens may still be live (so a key can be rotated without
 * breaking sessions). Key ids are RFC 7638 JWK thumbprints, so they are stable across replicas.
 * The algorithm follows the key: an EC P-256 key signs ES256 (RFC 7518 §3.4), the default because
 * it signs several times faster than RSA; an RSA key of at least 2048 bits signs RS256 (§3.3).
 */
// Eager: in prod a missing key must stop start-up, not the first login.
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey signingKey;
    private final String algorithm;
    private final String signingKeyId;
    private final List<PublicJsonWebKey> published = new ArrayList<>();
    private final String jwksJson;

    public SigningKeys(AuthConfig config) {
        AuthConfig.SigningKey keyConfig = config.signingKey();
        KeyPair pair = keyConfig.location().map(SigningKeys::readKeyPair).orElseGet(() -> generated(keyConfig));
        this.signingKey = pair.getPrivate();
        this.algorithm = algorithmOf(pair.getPublic());
        PublicJsonWebKey signing = publish(pair.getPublic());
        this.signingKeyId = signing.getKeyId();
        for (String location : keyConfig.additionalPublicKeys().orElse(List.of())) {
            publish(readPublicKey(location.trim()));
        }
        this.jwksJson = new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        LOG.infof("Signing access tokens %s with key %s; JWKS publishes %d key(s)", algorithm, signingKeyId, published.size());
    }

    /** The JWS algorithm of the signing key: ES256 or RS256. */
    public String algorithm() {
        return algorithm;
    }

    /** The algorithms of every published key, which this service's own checks accept (RFC 8725 §3.1). */
    public Set<String> publishedAlgorithms() {
        Set<String> algorithms = new LinkedHashSet<>();
        published.forEach(k -> algorithms.add(k.getAlgorithm()));
        return algorithms;
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

    private PublicJsonWebKey publish(PublicKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setUse("sig");
            jwk.setAlgorithm(algorithmOf(key));
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
                    + "to a PKCS#8 PEM file holding an EC P-256 or an RSA (at least 2048 bits) private key");
        }
        LOG.warn("No auth.signing-key.location: generated a throw-away signing key. Tokens will not survive a restart; "
                + "never run like this in production.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair readKeyPair(String location) {
        String pem;
        try {
            pem = Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key at " + location + ": " + e.getMessage(), e);
        }
        PrivateKey key = decodePrivateKey(pem, location);
        try {
            if (key instanceof ECPrivateKey ec) {
                // RFC 7518 §3.4: ES256 is ECDSA on P-256 only.
                if (ec.getParams().getCurve().getField().getFieldSize() != 256 || !isP256(ec)) {
                    throw new IllegalStateException("The signing key at " + location + " is an EC key on a curve other than P-256");
                }
                return new KeyPair(publicOf(ec), key);
            }
            if (!(key instanceof RSAPrivateCrtKey rsa) || rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The signing key at " + location + " is neither EC P-256 nor RSA of at least 2048 bits");
            }
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key at " + location + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 PEM private key, EC or RSA (the type is read from the key's own algorithm identifier). */
    private static PrivateKey decodePrivateKey(String pem, String location) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The signing key at " + location + " is not a PKCS#8 PEM private key", e);
        }
        for (String type : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | IllegalArgumentException wrongType) {
                // try the next key type
            }
        }
        throw new IllegalStateException("The signing key at " + location + " is not a PKCS#8 PEM EC or RSA private key");
    }

    private static boolean isP256(ECPrivateKey key) {
        var p256 = ECNamedCurveTable.getByName("secp256r1");
        return key.getParams().getOrder().equals(p256.getN()) && key.getParams().getGenerator().getAffineX()
                .equals(p256.getG().normalize().getAffineXCoord().toBigInteger());
    }

    /** The public half of an EC key: Q = d·G (the JDK has no API that derives it). */
    private static PublicKey publicOf(ECPrivateKey key) throws GeneralSecurityException {
        org.bouncycastle.math.ec.ECPoint q = ECNamedCurveTable.getByName("secp256r1").getG().multiply(key.getS()).normalize();
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), key.getParams()));
    }

    private static String algorithmOf(PublicKey key) {
        return key.getAlgorithm().equals("EC") ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                : AlgorithmIdentifiers.RSA_USING_SHA256;
    }

    private static PublicKey readPublicKey(String location) {
        try {
            String pem = Files.readString(Path.of(location));
            try {
                return KeyUtils.decodePublicKey(pem, io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256);
            } catch (GeneralSecurityException | IllegalArgumentException notEc) {
                return KeyUtils.decodePublicKey(pem);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the public key at " + location + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The key at " + location + " is not a PEM EC or RSA public key", e);
        }
    }
}
