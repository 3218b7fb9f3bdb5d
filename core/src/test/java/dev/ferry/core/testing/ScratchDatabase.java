package dev.ferry.core.testing;

/** A database created for one test (see {@link TestDatabase#create()}); {@link #close()} drops it. */
public final class ScratchDatabase implements AutoCloseable {

    private final TestDatabase kind;
    private final String url;
    private final String user;
    private final String password;
    private final int port;
    private final Runnable drop;

    ScratchDatabase(TestDatabase kind, String url, String user, String password, int port, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.port = port;
        this.drop = drop;
    }

    public TestDatabase kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The server's port on 127.0.0.1, where a {@link TcpProxy} forwards to; 0 for an embedded file. */
    public int port() {
        return port;
    }

    /** The same database reached through another loopback port, such as a {@link TcpProxy}'s. */
    public String urlThroughPort(int otherPort) {
        if (port == 0) {
            throw new IllegalStateException(kind + " is an embedded file; no port to go through");
        }
        return url.replace("127.0.0.1:" + port + "/", "127.0.0.1:" + otherPort + "/");
    }

    @Override
    public void close() {
        drop.run();
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
