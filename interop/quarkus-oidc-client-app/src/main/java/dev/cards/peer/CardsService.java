package dev.cards.peer;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cards-service as any Quarkus application would declare it: the OIDC client filter gets,
 * attaches and refreshes the access token; nothing here knows about the cards project.
 */
@RegisterRestClient(configKey = "cards")
@OidcClientFilter
@Path("/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CardsService {

    @GET
    CardPage list();

    @POST
    Card create(Card card);

    record Card(String id, String question, String answer) {
    }

    record CardPage(java.util.List<Card> items, long total) {
    }
}
