package dev.cards.auth.rest;

/** A request that presents the refresh cookie without proving it comes from an allowed page; answered 403. */
public class CrossSiteRequestException extends RuntimeException {
    public CrossSiteRequestException(String message) {
        super(message, null, false, false);
    }
}
