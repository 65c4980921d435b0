package dev.cards.deck.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.cards.http.validation.PlainText;
import dev.cards.deck.service.CardContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The writable part of a card, as sent in POST and PUT. */
@Schema(name = "CardRequest")
public record CardRequest(
        @NotBlank @Size(min = 1, max = 1000) @PlainText(multiline = true) @Schema(required = true, minLength = 1, maxLength = 1000) String question,
        @NotBlank @Size(min = 1, max = 4000) @PlainText(multiline = true) @Schema(required = true, minLength = 1, maxLength = 4000) String answer,
        @Size(max = 10) @Schema(description = "At most 10 tags; omitted means none", maxItems = 10)
        List<@NotNull @NotBlank @Size(min = 1, max = 32) @PlainText String> tags) {

    CardContent content() {
        return new CardContent(question, answer, tags == null ? List.of() : tags);
    }
}
