package dev.cards.deck.rest;

import dev.cards.http.problem.ProblemException;

/**
 * Parses {@code page} and {@code size} by hand: a JAX-RS int parameter that fails to convert
 * answers 404 (JAX-RS §3.2), and a non-numeric query value is a bad request, not a missing page.
 */
record PageParameters(int page, int size) {

    /** Keeps page * size (the SQL offset) inside an int. */
    static final int MAX_PAGE = 10_000_000;
    /** The API contract (issue 3, and the OpenAPI document): sizes 1 to 100, 20 by default. */
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static PageParameters parse(String page, String size) {
        int pageNumber = parse("page", page, 0, 0, MAX_PAGE);
        int pageSize = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageParameters(pageNumber, pageSize);
    }

    private static int parse(String name, String raw, int absent, int min, int max) {
        if (raw == null) {
            return absent;
        }
        String message = "must be an integer between " + min + " and " + max;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ProblemException.badRequest(name, message);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, message);
        }
    }
}
