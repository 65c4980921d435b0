package dev.cards.client.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.cards.client.error.AuthServiceUnavailableException;

/** A scripted refresh endpoint that counts calls and can be held open until released. */
class FakeTokenEndpoint implements TokenEndpoint {

    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hold;
    volatile Function<String, TokenResponse> answer = refresh -> new TokenResponse("access-" + calls.get(),
            "refresh-" + calls.get(), 300, 3600);

    static FakeTokenEndpoint rejecting() {
        FakeTokenEndpoint e = new FakeTokenEndpoint();
        e.answer = refresh -> {
            throw new RefreshRejectedException("invalid_grant");
        };
        return e;
    }

    static FakeTokenEndpoint unavailable() {
        FakeTokenEndpoint e = new FakeTokenEndpoint();
        e.answer = refresh -> {
            throw new AuthServiceUnavailableException("503", null);
        };
        return e;
    }

    FakeTokenEndpoint held() {
        hold = true;
        return this;
    }

    @Override
    public TokenResponse refresh(String refreshToken) {
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
