package dev.cards.bench;

/** Runs a command's body, turning checked failures into the unchecked ones picocli reports (exit 1). */
public final class Unchecked {

    /** A body that may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private Unchecked() {
    }

    /** Runs the body; an interruption keeps the thread's flag set. */
    public static void run(Body body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
