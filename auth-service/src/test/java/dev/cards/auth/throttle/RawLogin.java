package dev.cards.auth.throttle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * A login over a bare socket from a chosen loopback address: a flood must cost the test machine
 * far less than the service (RestAssured with OpenAPI validation per answer would be the slower
 * side on two cores, and would measure itself).
 */
final class RawLogin {

    private RawLogin() {
    }

    /** The status code of one login, or 0 when the connection failed. */
    static int status(String from, String email, String password) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        String request = "POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 429"
            return head.length == 12 ? Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
