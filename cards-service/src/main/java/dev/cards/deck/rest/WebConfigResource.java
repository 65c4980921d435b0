package dev.cards.deck.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.cards.deck.config.CardsConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tells the web app at / where the auth-service is; public, as the page needs it before sign-in. */
@Path("/web/config")
public class WebConfigResource {

    /** What the page reads at start. */
    public record WebConfig(String authUrl) {
    }

    private final WebConfig config;

    public WebConfigResource(CardsConfig cards) {
        this.config = new WebConfig(cards.web().authUrl());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public WebConfig config() {
        return config;
    }
}
