package dev.cards.deck.config;

import dev.cards.http.limits.HeadLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Gives the shared request limits the cards-service's own `cards.http.*` keys. */
@Dependent
public class HttpLimitsProducer {

    /** 414 and 431 carry the RFC 6750 §3 {@code Bearer} challenge: every resource here needs a token. */
    @Produces
    HeadLimits headLimits(CardsConfig config) {
        return new HeadLimits(config.http().maxUriLength(), config.http().maxHeaderBytes(), "Bearer");
    }
}
