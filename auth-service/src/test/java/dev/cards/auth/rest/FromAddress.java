package dev.cards.auth.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests whose connection comes from a chosen loopback address (all of 127.0.0.0/8 is local on
 * Linux), so a test can be an attacker at 127.0.0.2 and an owner at 127.0.0.1.
 */
public final class FromAddress {

    private FromAddress() {
    }

    /** Like {@link Api#api()}, from {@code local}, to the service at 127.0.0.1. */
    public static RequestSpecification api(String local) {
        return bind(Api.api(), local);
    }

    /** Like {@link Api#badRequest()}: only the answer is checked against the document. */
    public static RequestSpecification badRequest(String local) {
        return bind(Api.badRequest(), local);
    }

    private static RequestSpecification bind(RequestSpecification spec, String local) {
        try {
            InetAddress address = InetAddress.getByName(local);
            return spec.baseUri("http://127.0.0.1").config(RestAssured.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam("http.route.local-address", address)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(local, e);
        }
    }
}
