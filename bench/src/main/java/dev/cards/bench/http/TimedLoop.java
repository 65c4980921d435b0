package dev.cards.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import dev.cards.bench.Latencies;

/**
 * A closed loop on the clock: every worker sends its next request when the previous one answered,
 * from the start through the warm-up and the measured period. Latencies count for requests that
 * started and ended inside the measured period; errors count over the whole run (the first three
 * are printed on standard error). The CPU watch reads its counters at the period's two ends.
 */
final class TimedLoop {

    /** What the run gave: sorted latencies of the measured period, and the errors. */
    record Outcome(long[] latenciesMicros, long errors) {
    }

    private TimedLoop() {
    }

    static Outcome run(List<HttpScenarios.Step> steps, Duration warmup, Duration measured, CpuWatch watch)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Latencies> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(steps.size());
        List<Thread> threads = new ArrayList<>();
        for (HttpScenarios.Step step : steps) {
            Latencies mine = new Latencies();
            perWorker.add(mine);
            threads.add(new Thread(() -> {
                try {
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        try {
                            step.run();
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error: " + e.getMessage());
                            }
                            continue;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            mine.add((t1 - t0) / 1_000);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        threads.forEach(Thread::start);
        sleepUntil(measureFrom);
        watch.begin();
        sleepUntil(end);
        watch.end();
        done.await();
        for (Thread t : threads) {
            t.join(); // and so every worker's latencies are visible here
        }
        long[] all = perWorker.stream().flatMapToLong(l -> Arrays.stream(l.values())).sorted().toArray();
        return new Outcome(all, errors.get());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long d;
        while ((d = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, d / 1_000_000));
        }
    }
}
