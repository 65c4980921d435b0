package dev.cards.cards.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jose4j.jwk.RsaJsonWebKey;

/** A test RSA signing key with its RFC 7638 thumbprint as kid, as the auth-service makes them. */
public record TestKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

    public static TestKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return of((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS entry the auth-service would publish for this key. */
    public String jwkJson() {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
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
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder b64 = Base64.getDecoder();
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(lines[0])));
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(b64.decode(lines[1])));
            return of(priv, pub);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + file, e);
        }
    }

    private static TestKey of(RSAPrivateKey priv, RSAPublicKey pub) {
        String kid = new RsaJsonWebKey(pub).calculateBase64urlEncodedThumbprint("SHA-256");
        return new TestKey(kid, priv, pub);
    }
}
