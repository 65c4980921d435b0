package dev.cards.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import dev.cards.client.error.CardsClientException;
import dev.cards.client.error.ServiceUnreachableException;

/** Unwraps what the REST client wraps, so callers see the client's own exceptions. */
final class Failures {

    private Failures() {
    }

    static RuntimeException translate(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof CardsClientException ce) {
                return ce;
            }
            if (isUnreachable(t)) {
                return new ServiceUnreachableException("cannot reach the service: " + describe(t), failure);
            }
            if (!(t instanceof ProcessingException || t instanceof CompletionException
                    || t instanceof ExecutionException)) {
                break;
            }
        }
        return failure instanceof RuntimeException re ? re : new CardsClientException(failure.toString(), failure);
    }

    static boolean isUnreachable(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")
                    || t.getClass().getName().equals("io.vertx.core.VertxException")
                            && String.valueOf(t.getMessage()).contains("onnection")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
