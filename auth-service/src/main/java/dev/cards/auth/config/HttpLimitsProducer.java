package dev.cards.auth.config;

import dev.cards.http.limits.HeadLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Gives the shared request limits the auth-service's own `auth.http.*` keys. */
@Dependent
public class HttpLimitsProducer {

    @Produces
    HeadLimits headLimits(AuthConfig config) {
        // No challenge: most of this API takes no token, so a refusal names no scheme.
        return new HeadLimits(config.http().maxUriLength(), config.http().maxHeaderBytes(), null);
    }
}
