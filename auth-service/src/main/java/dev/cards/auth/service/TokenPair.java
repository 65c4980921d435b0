package dev.cards.auth.service;

/** What a login or a refresh hands out. Lifetimes are whole seconds left. */
public record TokenPair(String accessToken, long accessExpiresIn, String refreshToken, long refreshExpiresIn) {
}
