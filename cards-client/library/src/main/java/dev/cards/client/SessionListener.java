package dev.cards.client;

/** Told about session changes, for example to send the user back to the login screen. */
public interface SessionListener {

    /** The refresh token was rejected and the session removed. Called once per expired session. */
    default void sessionExpired() {
    }

    /** A refresh request succeeded and the new session is stored. */
    default void sessionRefreshed(Session session) {
    }
}
