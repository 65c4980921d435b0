package dev.cards.auth.service;

/**
 * Where a sign-in comes from and what it binds to: the client's address (throttling; a coarse form
 * of it is shown in the session list), its User-Agent (a short device label in that list) and the
 * thumbprint of its DPoP key (null without a proof).
 */
public record SignIn(String address, String userAgent, String dpopJkt) {
}
