package dev.cards.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A session kept in a file that only its owner can read (0600), shared by every process that uses
 * the same file. Writes go to a temporary file that is renamed over the old one, so readers never see
 * half a session. {@link #locked} takes an OS file lock on a sibling {@code .lock} file (the session
 * file itself is replaced on every write, so it cannot carry the lock), plus a JVM-wide lock because
 * the OS lock is per process. Both waits are bounded ({@link TokenStoreBusyException}); a nested call
 * on the thread that holds the lock runs at once.
 */
public class FileTokenStore implements TokenStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    /** One in-process lock per lock file: FileChannel.lock is held by the JVM, not by a thread. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** How long {@link #locked} waits for another thread or process by default. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final long LOCK_POLL_MILLIS = 10;

    private final Path file;
    private final Path lockFile;
    private final Duration lockTimeout;
    private final ObjectMapper json = new ObjectMapper();

    public FileTokenStore(Path file) {
        this(file, DEFAULT_LOCK_TIMEOUT);
    }

    public FileTokenStore(Path file, Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Session> load() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(json.readValue(bytes, StoredSession.class).toSession());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read session file " + file, e);
        }
    }

    @Override
    public void save(Session session) {
        try {
            createParent();
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", ownerOnly(false));
            try {
                Files.write(tmp, json.writeValueAsBytes(StoredSession.of(session)), StandardOpenOption.SYNC);
                move(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write session file " + file, e);
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete session file " + file, e);
        }
    }

    @Override
    public <T> T locked(Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        if (jvmLock.isHeldByCurrentThread()) {
            return action.get(); // this thread holds the file lock already (a nested call)
        }
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try {
            if (!jvmLock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            createParent();
            if (!Files.exists(lockFile)) {
                try {
                    Files.createFile(lockFile, ownerOnly(false));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: fine
                }
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                    FileLock ignored = lockBefore(channel, deadline)) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock session file " + lockFile, e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Polls for the OS lock until the deadline: a process that hangs holding it must not hang us. */
    private FileLock lockBefore(FileChannel channel, long deadline) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw busy();
            }
            try {
                Thread.sleep(LOCK_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            }
        }
    }

    private TokenStoreBusyException busy() {
        return new TokenStoreBusyException("session file " + file + " stayed locked for " + lockTimeout);
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createParent() throws IOException {
        Path parent = file.getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, ownerOnly(true));
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean directory) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(directory ? OWNER_ONLY_DIR : OWNER_ONLY) };
    }

    /**
     * The file format: epoch milliseconds for instants, snake_case like the token response. A file
     * written before sessions named their issuer has no {@code issuer}: it loads with null, which the
     * refresher accepts only for a loopback auth URL. A file written before DPoP has neither
     * {@code token_type} nor {@code dpop_key}: it loads as the Bearer session it is. The DPoP key is
     * the private JWK, in this file for the same reason and with the same protection (0600, atomic
     * replacement, the lock) as the refresh token: the session's tokens are worth nothing without it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredSession(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("access_issued_at") long accessIssuedAt,
            @JsonProperty("access_expires_at") long accessExpiresAt,
            @JsonProperty("refresh_expires_at") Long refreshExpiresAt,
            @JsonProperty("issuer") String issuer,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("dpop_key") Map<String, Object> dpopKey) {

        static StoredSession of(Session s) {
            return new StoredSession(s.accessToken(), s.refreshToken(), s.accessIssuedAt().toEpochMilli(),
                    s.accessExpiresAt().toEpochMilli(),
                    s.refreshExpiresAt() == null ? null : s.refreshExpiresAt().toEpochMilli(), s.issuer(),
                    s.tokenType(), s.dpopKey() == null ? null : s.dpopKey().toJwk());
        }

        Session toSession() {
            return new Session(accessToken, refreshToken, Instant.ofEpochMilli(accessIssuedAt),
                    Instant.ofEpochMilli(accessExpiresAt),
                    refreshExpiresAt == null ? null : Instant.ofEpochMilli(refreshExpiresAt), issuer,
                    tokenType, dpopKey == null ? null : DPoPKey.fromJwk(dpopKey));
        }
    }
}
