package dev.cards.bench.cpu;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The CPU cost that bounds each scenario, measured apart from HTTP and the database: one Argon2id
 * hash at the configured parameters (Bouncy Castle's Java Argon2 and libargon2 through argon2-jvm,
 * the one the auth-service uses where it loads; both at the auth-service's versions, managed by the
 * parent pom), signing/verifying an access token with RS256, ES256 and EdDSA, and making one DPoP
 * proof as a client does per call (RFC 9449: Nimbus' factory, ES256 on P-256, with {@code ath}).
 *
 * <p>Each figure is the median of several batches after a warm-up, in microseconds of the measuring
 * thread's CPU time (not wall time: the machine is shared, and waiting for a core is not cost).
 */
@Command(name = "cpu-cost", mixinStandardHelpOptions = true, description = {
        "CPU per operation of Argon2id (Java and libargon2) at MEMORY_KIB/ITERATIONS and at Keycloak's 7 MiB t=5, "
                + "of RS256, ES256 and EdDSA signing and verification, and of one DPoP proof (ES256, with ath); prints one JSON line.",
        "With --hash-limit M T, only libargon2's hashes per second on every core at that cost; with --dpop, only the DPoP proof." })
public class CpuCostCommand implements Runnable {

    static final String CLAIMS = "{\"iss\":\"cards-auth\",\"sub\":\"3f1c1f7e-9a43-4bb4-8c5c-6d1b1c0a7f11\","
            + "\"aud\":\"cards-service\",\"exp\":4102444800,\"iat\":1700000000,\"jti\":\"8d6f2c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f\","
            + "\"upn\":\"ada@example.com\",\"groups\":[\"user\"]}";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", defaultValue = "19456", paramLabel = "MEMORY_KIB", description = "Argon2id memory (default: ${DEFAULT-VALUE})")
    int memoryKib;

    @Parameters(index = "1", defaultValue = "2", paramLabel = "ITERATIONS", description = "Argon2id iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--hash-limit", arity = "2", paramLabel = "N", description = "only the libargon2 limit at memory KiB and iterations")
    int[] hashLimit;

    @Option(names = "--dpop", description = "only the DPoP proof: CPU and wall time of one, on one thread")
    boolean dpopOnly;

    @Override
    public void run() {
        int[] cost = hashLimit != null ? hashLimit : new int[] { memoryKib, iterations };
        if (cost[0] < 8 || cost[1] < 1) {
            throw new ParameterException(spec.commandLine(), "Argon2id needs at least 8 KiB of memory and 1 iteration");
        }
        try {
            spec.commandLine().getOut().println(hashLimit != null ? hashLimit(cost[0], cost[1])
                    : dpopOnly ? "{" + dpopProof() + "}" : all(cost[0], cost[1]));
            spec.commandLine().getOut().flush();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Only the Argon2 limit, for bench/run to measure right before and after a login row:
     * memory-hard hashing shares the memory bandwidth with the neighbours of this machine, and
     * its speed here has varied by a factor of 3 within half an hour.
     */
    private static String hashLimit(int m, int t) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "{\"argon2id_m%d_t%d_native_hashes_per_s_on_%d_threads\":%.1f}", m, t, cores,
                throughput(() -> nativeArgon2(m, t), cores, 20));
    }

    private static String all(int memoryKib, int iterations) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder json = new StringBuilder("{");
        // The configured cost, then Keycloak's default (7 MiB, t=5), OWASP's lowest-memory equivalent.
        for (int[] cost : new int[][] { { memoryKib, iterations }, { 7168, 5 } }) {
            json.append(String.format(Locale.ROOT, "%s\"argon2id_m%d_t%d_java_us\":%.0f", json.length() > 1 ? "," : "",
                    cost[0], cost[1], median(() -> argon2(cost[0], cost[1]), 5, 5)));
            json.append(String.format(Locale.ROOT, ",\"argon2id_m%d_t%d_native_us\":%.0f",
                    cost[0], cost[1], median(() -> nativeArgon2(cost[0], cost[1]), 5, 5)));
            json.append(String.format(Locale.ROOT, ",\"argon2id_m%d_t%d_native_hashes_per_s_on_%d_threads\":%.1f", cost[0],
                    cost[1], cores, throughput(() -> nativeArgon2(cost[0], cost[1]), cores, 20)));
        }
        for (String[] alg : new String[][] { { "RS256", "RSA" }, { "ES256", "EC" }, { "EdDSA", "Ed25519" } }) {
            KeyPair keys = keyPair(alg[1]);
            String token = sign(alg[0], keys);
            json.append(String.format(Locale.ROOT, ",\"%s_sign_us\":%.1f,\"%s_verify_us\":%.1f", alg[0],
                    median(() -> sign(alg[0], keys), 200, 9), alg[0], median(() -> verify(token, keys), 200, 9)));
        }
        return json.append(',').append(dpopProof()).append(",\"cores\":").append(cores).append('}').toString();
    }

    /**
     * What DPoP adds to each of a client's calls: one proof for a card read, as the bench's
     * scenarios and the client library make it (a fresh jti and iat, htm, htu, and ath, the SHA-256
     * of a signed access token), serialized. Thread CPU time and wall time: on one thread that
     * never waits, the wall time is the latency the call gains.
     */
    static String dpopProof() throws Exception {
        DefaultDPoPProofFactory factory = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        URI url = URI.create("http://localhost:8082/cards/3f1c1f7e-9a43-4bb4-8c5c-6d1b1c0a7f11");
        DPoPAccessToken token = new DPoPAccessToken(sign("ES256", keyPair("EC")));
        Work proof = () -> factory.createDPoPJWT("GET", url, token).serialize();
        return String.format(Locale.ROOT, "\"dpop_proof_ES256_us\":%.1f,\"dpop_proof_ES256_wall_us\":%.1f",
                median(proof, 500, 11), median(proof, 500, 11, System::nanoTime));
    }

    static void argon2(int memoryKib, int iterations) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(iterations)
                .withParallelism(1).withSalt("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[32];
        generator.generateBytes("correct horse battery staple".getBytes(StandardCharsets.UTF_8), out);
    }

    static void nativeArgon2(int memoryKib, int iterations) {
        Native.ARGON2.rawHashAdvanced(iterations, memoryKib, 1, "correct horse battery staple".getBytes(StandardCharsets.UTF_8),
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), null, null, 32, Argon2Version.V13);
    }

    static KeyPair keyPair(String type) throws Exception {
        if (type.equals("EC")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("RSA")) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    static String sign(String alg, KeyPair keys) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(CLAIMS);
        jws.setAlgorithmHeaderValue(alg.equals("EdDSA") ? AlgorithmIdentifiers.EDDSA : alg);
        jws.setKey(keys.getPrivate());
        return jws.getCompactSerialization();
    }

    static void verify(String token, KeyPair keys) throws Exception {
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        jws.setKey(keys.getPublic());
        if (!jws.verifySignature()) {
            throw new IllegalStateException("signature did not verify");
        }
    }

    /**
     * Operations per second with one thread per core, all hashing at once: memory-hard work
     * shares caches and memory bandwidth, so this, not 1/single-thread time, bounds logins/s.
     */
    static double throughput(Work work, int threads, int perThread) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        work.run();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            workers.add(thread);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread thread : workers) {
            thread.join();
        }
        return threads * perThread / ((System.nanoTime() - t0) / 1e9);
    }

    interface Work {
        void run() throws Exception;
    }

    /** Median CPU time of one operation over `batches` batches of `perBatch` operations, after warm-up batches. */
    static double median(Work work, int perBatch, int batches) throws Exception {
        return median(work, perBatch, batches, java.lang.management.ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
    }

    /** The same on another clock in nanoseconds (System::nanoTime for wall time). */
    static double median(Work work, int perBatch, int batches, LongSupplier nanos) throws Exception {
        for (int i = 0; i < perBatch * 2; i++) {
            work.run();
        }
        double[] perOp = new double[batches];
        for (int b = 0; b < batches; b++) {
            long t0 = nanos.getAsLong();
            for (int i = 0; i < perBatch; i++) {
                work.run();
            }
            perOp[b] = (nanos.getAsLong() - t0) / 1000.0 / perBatch;
        }
        Arrays.sort(perOp);
        return perOp[batches / 2];
    }

    /** libargon2, loaded on first use (so that a usage error or the help does not load it). */
    private static final class Native {
        static final Argon2Advanced ARGON2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    }
}
