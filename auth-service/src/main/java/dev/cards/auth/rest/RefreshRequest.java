package dev.cards.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cards.http.validation.PlainText;
import jakarta.validation.constraints.Size;

/** Body form of a refresh or logout request (the cookie and the Bearer header are the others). */
public record RefreshRequest(@JsonProperty("refresh_token") @Size(max = 512) @PlainText String refreshToken) {
}
