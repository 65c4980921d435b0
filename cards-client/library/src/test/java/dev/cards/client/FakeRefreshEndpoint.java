package dev.cards.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.cards.client.error.AuthServiceUnavailableException;

/** A scripted refresh endpoint that counts calls and can be held open until released. */
class FakeRefreshEndpoint implements RefreshEndpoint {

    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hold;
    volatile Function<String, IssuedTokens> answer = refresh -> new IssuedTokens("access-" + calls.get(),
            "refresh-" + calls.get(), 300, 3600);

    static FakeRefreshEndpoint rejecting() {
        FakeRefreshEndpoint e = new FakeRefreshEndpoint();
        e.answer = refresh -> {
            throw new RefreshRejectedException("invalid_grant");
        };
        return e;
    }

    static FakeRefreshEndpoint unavailable() {
        FakeRefreshEndpoint e = new FakeRefreshEndpoint();
        e.answer = refresh -> {
            throw new AuthServiceUnavailableException("503", null);
        };
        return e;
    }

    FakeRefreshEndpoint held() {
        hold = true;
        return this;
    }

    @Override
    public IssuedTokens refresh(String refreshToken) {
        calls.incrementAndGet();
        entered.countDown();
        if (hold) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.apply(refreshToken);
    }
}
