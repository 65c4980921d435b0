package dev.cards.deck.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jose4j.jwk.EllipticCurveJsonWebKey;

/** A test EC P-256 (ES256) signing key with its RFC 7638 thumbprint as kid, as the auth-service makes them. */
public record TestKey(String kid, PrivateKey privateKey, PublicKey publicKey) {

    public static TestKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return of(pair.getPrivate(), pair.getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS entry the auth-service would publish for this key. */
    public String jwkJson() {
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey((ECPublicKey) publicKey);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("ES256");
        return jwk.toJson();
    }

    /** Writes both halves (DER, base64) so another class loader can read the same key. */
    public void write(Path file) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        Files.writeString(file, b64.encodeToString(privateKey.getEncoded()) + "\n"
                + b64.encodeToString(publicKey.getEncoded()) + "\n");
    }

    public static TestKey read(Path file) {
        try {
            String[] lines = Files.readString(file).split("\n");
            KeyFactory ec = KeyFactory.getInstance("EC");
            Base64.Decoder b64 = Base64.getDecoder();
            PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(lines[0])));
            PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(b64.decode(lines[1])));
            return of(priv, pub);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + file, e);
        }
    }

    private static TestKey of(PrivateKey priv, PublicKey pub) {
        String kid = new EllipticCurveJsonWebKey((ECPublicKey) pub).calculateBase64urlEncodedThumbprint("SHA-256");
        return new TestKey(kid, priv, pub);
    }
}
