import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

/**
 * The CPU cost that bounds each scenario, measured apart from HTTP and the database: one Argon2id
 * hash at the configured parameters (Bouncy Castle's Java Argon2 and libargon2 through argon2-jvm,
 * the one the auth-service uses where it loads), and signing/verifying an access token with RS256,
 * ES256 and EdDSA. Run with the auth-service's libraries on the class path (bench/run does):
 *
 *   java -cp 'auth-service/target/quarkus-app/lib/main/*' bench/CpuCost.java [memoryKib] [iterations]
 *   java -cp ... bench/CpuCost.java --hash-limit memoryKib iterations     (only the Argon2 limit, native)
 *
 * Each figure is the median of several batches after a warm-up, in microseconds of the measuring
 * thread's CPU time (not wall time: the machine is shared, and waiting for a core is not cost).
 */
public class CpuCost {

    static final String CLAIMS = "{\"iss\":\"cards-auth\",\"sub\":\"3f1c1f7e-9a43-4bb4-8c5c-6d1b1c0a7f11\","
            + "\"aud\":\"cards-service\",\"exp\":4102444800,\"iat\":1700000000,\"jti\":\"8d6f2c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f\","
            + "\"upn\":\"ada@example.com\",\"groups\":[\"user\"]}";

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        if (args.length == 3 && args[0].equals("--hash-limit")) {
            // Only the Argon2 limit, for bench/run to measure right before and after a login row:
            // memory-hard hashing shares the memory bandwidth with the neighbours of this machine, and
            // its speed here has varied by a factor of 3 within half an hour.
            int m = Integer.parseInt(args[1]);
            int t = Integer.parseInt(args[2]);
            System.out.printf(Locale.ROOT, "{\"argon2id_m%d_t%d_native_hashes_per_s_on_%d_threads\":%.1f}%n", m, t, cores,
                    throughput(() -> nativeArgon2(m, t), cores, 20));
            return;
        }
        int memoryKib = args.length > 0 ? Integer.parseInt(args[0]) : 19456;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        StringBuilder json = new StringBuilder("{");
        // The configured cost, then Keycloak's default (7 MiB, t=5), OWASP's lowest-memory equivalent.
        for (int[] cost : new int[][] {{memoryKib, iterations}, {7168, 5}}) {
            json.append(String.format(Locale.ROOT, "%s\"argon2id_m%d_t%d_java_us\":%.0f", json.length() > 1 ? "," : "",
                    cost[0], cost[1], median(() -> argon2(cost[0], cost[1]), 5, 5)));
            json.append(String.format(Locale.ROOT, ",\"argon2id_m%d_t%d_native_us\":%.0f",
                    cost[0], cost[1], median(() -> nativeArgon2(cost[0], cost[1]), 5, 5)));
            json.append(String.format(Locale.ROOT, ",\"argon2id_m%d_t%d_native_hashes_per_s_on_%d_threads\":%.1f", cost[0],
                    cost[1], cores, throughput(() -> nativeArgon2(cost[0], cost[1]), cores, 20)));
        }
        for (String[] alg : new String[][] {{"RS256", "RSA"}, {"ES256", "EC"}, {"EdDSA", "Ed25519"}}) {
            KeyPair keys = keyPair(alg[1]);
            String token = sign(alg[0], keys);
            json.append(String.format(Locale.ROOT, ",\"%s_sign_us\":%.1f,\"%s_verify_us\":%.1f", alg[0],
                    median(() -> sign(alg[0], keys), 200, 9), alg[0], median(() -> verify(token, keys), 200, 9)));
        }
        json.append(",\"cores\":").append(Runtime.getRuntime().availableProcessors()).append('}');
        System.out.println(json);
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

    static final Argon2Advanced NATIVE = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

    static void nativeArgon2(int memoryKib, int iterations) {
        NATIVE.rawHashAdvanced(iterations, memoryKib, 1, "correct horse battery staple".getBytes(StandardCharsets.UTF_8),
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
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> workers = new java.util.ArrayList<>();
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
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < perBatch * 2; i++) {
            work.run();
        }
        double[] perOp = new double[batches];
        for (int b = 0; b < batches; b++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < perBatch; i++) {
                work.run();
            }
            perOp[b] = (cpu.getCurrentThreadCpuTime() - t0) / 1000.0 / perBatch;
        }
        Arrays.sort(perOp);
        return perOp[batches / 2];
    }
}
