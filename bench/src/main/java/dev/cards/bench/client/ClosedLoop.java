package dev.cards.bench.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.cards.bench.Latencies;

/**
 * C threads each making their next call when the previous one returned, for a warm-up and then a
 * measured period, as {@code cards-bench load} does for raw HTTP.
 *
 * <p>Unlike that one, every worker stops at a barrier between the two periods and the measured period
 * starts only when all have arrived: with no call in flight, counters read at that moment (the
 * client's exchanges, the services' metrics) hold nothing of the warm-up. Likewise the caller reads
 * them again after {@link #run} returns, when every call has finished.
 */
final class ClosedLoop {

    /**
     * What the measured period gave. {@code latenciesMicros}: successful calls that also ended
     * inside the period (as {@code load} counts them), sorted; {@code calls} and {@code failures}: every
     * call started inside it, including the few still in flight at its end.
     */
    record Outcome(long[] latenciesMicros, long calls, long failures, Throwable firstFailure) {
    }

    private final int workers;
    private final Duration warmup;
    private final Duration measured;

    ClosedLoop(int workers, Duration warmup, Duration measured) {
        this.workers = workers;
        this.warmup = warmup;
        this.measured = measured;
    }

    /**
     * @param call one call; a thrown exception is a failure seen by the caller
     * @param atMeasuredStart runs once, while all workers wait, just before the measured period
     */
    Outcome run(Runnable call, Runnable atMeasuredStart) throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        AtomicLong measuredStart = new AtomicLong();
        CyclicBarrier between = new CyclicBarrier(workers, () -> {
            atMeasuredStart.run();
            measuredStart.set(System.nanoTime());
        });
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            threads.add(new Thread(() -> {
                while (System.nanoTime() < warmupEnd) {
                    try {
                        call.run();
                    } catch (RuntimeException warmupFailure) {
                        // not measured; a lasting problem shows again in the measured period
                    }
                }
                try {
                    between.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    return;
                }
                long start = measuredStart.get();
                long end = start + measured.toNanos();
                for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                    calls.incrementAndGet();
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (t1 <= end) {
                        mine.add((t1 - t0) / 1_000);
                    }
                }
            }, "load-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (between.isBroken()) {
            throw new IllegalStateException("the workers did not all reach the measured period");
        }
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l.values())).sorted().toArray();
        return new Outcome(all, calls.get(), failures.get(), firstFailure.get());
    }
}
