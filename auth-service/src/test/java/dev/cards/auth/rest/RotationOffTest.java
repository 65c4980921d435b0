package dev.cards.auth.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RotationOffTest.NoRotation.class)
class RotationOffTest {

    public static class NoRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auth.refresh-token.rotation", "false");
        }
    }

    @Test
    void withoutRotationTheRefreshTokenStaysTheSame() {
        String token = Api.newSession().path("refresh_token");
        assertEquals(token, Api.refreshed(token));
        assertEquals(token, Api.refreshed(token));
    }

    @Test
    void withoutRotationParallelRefreshesAllSucceed() throws Exception {
        String token = Api.newSession().path("refresh_token");
        var results = java.util.stream.IntStream.range(0, 8).parallel()
                .map(i -> Api.refresh(token).statusCode()).boxed().toList();
        assertEquals(java.util.Collections.nCopies(8, 200), results);
    }
}
