package dev.tandem.infra;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/**
 * A MongoDB wire-compatible server in this JVM (no real MongoDB can be had without Docker here). It has no
 * multi-document transactions and no {@code $text}: Tandem's read models do without both. It keeps no data sizes
 * ({@link LeanMemoryBackend}): {@code collStats} reports none.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private LocalMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static LocalMongo start() {
        MongoServer server = new MongoServer(new LeanMemoryBackend());
        server.bind("127.0.0.1", 0);
        return new LocalMongo(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
