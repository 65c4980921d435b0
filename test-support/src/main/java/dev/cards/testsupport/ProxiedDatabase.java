package dev.cards.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpProxy} between a service and its database: PostgreSQL at 127.0.0.1:5432 in the
 * PostgreSQL suite, else an H2 TCP server of its own (in-memory database). The test cuts and
 * restores it over HTTP (POST /cut, /restore), which works whatever class loader it runs in.
 * Arguments: {@code postgres-database} (the suite's database) and {@code h2-database} (a name).
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    private String postgresDatabase;
    private String h2Database;

    @Override
    public void init(Map<String, String> args) {
        postgresDatabase = args.getOrDefault("postgres-database", "postgres");
        h2Database = args.getOrDefault("h2-database", "outage");
    }

    private org.h2.tools.Server h2;
    private TcpProxy proxy;
    private HttpServer admin;

    @Override
    public Map<String, String> start() {
        try {
            boolean pg = System.getProperty("quarkus.test.profile", "").contains("pg");
            int upstreamPort = 5432;
            if (!pg) {
                h2 = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
                upstreamPort = h2.getPort();
            }
            proxy = new TcpProxy(new InetSocketAddress("127.0.0.1", upstreamPort));
            admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            admin.createContext("/cut", exchange -> {
                proxy.cut();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            admin.createContext("/restore", exchange -> {
                proxy.restore();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            admin.start();
            String url = pg ? "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + postgresDatabase
                    : "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:" + h2Database + ";DB_CLOSE_DELAY=-1";
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "test.db-proxy.admin-url", "http://127.0.0.1:" + admin.getAddress().getPort());
        } catch (Exception e) {
            throw new IllegalStateException("the database proxy did not start", e);
        }
    }

    @Override
    public void stop() {
        if (admin != null) {
            admin.stop(0);
        }
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        if (h2 != null) {
            h2.stop();
        }
    }
}
