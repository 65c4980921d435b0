package dev.cards.deck.rest;

import dev.cards.deck.security.SenderConstrained;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cards.deck.persistence.Card;
import dev.cards.http.problem.Problem;
import dev.cards.http.problem.ProblemException;
import dev.cards.deck.service.CardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's flash cards. The owner is always the token's {@code sub}, never a parameter. */
@Path("/cards")
@RolesAllowed("user")
@SenderConstrained
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cards")
@APIResponse(responseCode = "401", ref = "InvalidToken")
@APIResponse(responseCode = "403", ref = "InsufficientScope")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
public class CardResource {

    @Inject
    CardService cards;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(operationId = "listCards", summary = "List the caller's cards, newest first")
    @APIResponse(responseCode = "200", description = "A page of cards",
            content = @Content(schema = @Schema(implementation = CardPageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CardPageResponse list(
            @Parameter(description = "Zero-based page number",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "10000000", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Cards per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        PageParameters paging = PageParameters.parse(page, size);
        return CardPageResponse.of(cards.list(owner(), paging.page(), paging.size()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCard", summary = "Create a card")
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "The new card's URL", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The card's version, quoted", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = CardResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(@Valid @NotNull CardRequest request) {
        Card card = cards.create(owner(), request.content());
        // Relative (RFC 9110 §10.2.2): built from the Host header it would point wherever a client says.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/cards/" + card.id)
                .tag(CardETag.of(card.version)).entity(CardResponse.of(card)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCard", summary = "Read one card")
    @APIResponse(responseCode = "200", description = "The card",
            headers = @Header(name = "ETag", description = "The card's version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CardResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") String id) {
        Card card = cards.find(owner(), cardId(id)).orElseThrow(CardResource::notFound);
        return Response.ok(CardResponse.of(card)).tag(CardETag.of(card.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCard", summary = "Replace a card's content", description = "With If-Match, only when the card is still at that version.")
    @APIResponse(responseCode = "200", description = "The updated card",
            headers = @Header(name = "ETag", description = "The card's new version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CardResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response update(@PathParam("id") String id,
            @Parameter(description = "ETag of the version the change is based on", schema = @Schema(type = SchemaType.STRING))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CardRequest request) {
        Optional<Card> updated = cards.update(owner(), cardId(id), request.content(),
                version -> CardETag.ifMatch(ifMatch, version));
        Card card = updated.orElseThrow(CardResource::notFound);
        return Response.ok(CardResponse.of(card)).tag(CardETag.of(card.version)).build();
    }

    @DELETE
    @Path("/{id}")
    // 204 or a problem: generated clients ask for problem+json here, and must not get a 406.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "deleteCard", summary = "Delete a card")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") String id) {
        if (!cards.delete(owner(), cardId(id))) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    private String owner() {
        return token.getSubject();
    }

    /** A malformed id names no card: 404 like any other unknown id. */
    private static UUID cardId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "No card with this id", null);
    }
}
