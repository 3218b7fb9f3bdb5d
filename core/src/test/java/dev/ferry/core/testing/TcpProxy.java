package dev.ferry.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server (a database), which a test can cut and restore: {@link #cut()} closes
 * every connection through it and refuses new ones, as a database that went away does; {@link #restore()} listens
 * again on the same port. The code under test connects to {@link #port()} instead of the server.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket listener;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = listen(0);
        this.port = first.getLocalPort();
        accept(first);
    }

    public static TcpProxy inFrontOf(String host, int port) throws IOException {
        return new TcpProxy(host, port);
    }

    public int port() {
        return port;
    }

    /** Connections the proxy passed on to the server so far: how often the code under test connected. */
    public int connections() {
        return connections.get();
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        ServerSocket open = listener;
        listener = null;
        if (open != null) {
            open.close();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            accept(listen(port));
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket socket) {
        listener = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException cut) {
                    return;
                }
                try {
                    Socket server = new Socket(targetHost, targetPort);
                    if (!admitted(socket, client, server)) {
                        return;
                    }
                    pipe(client, server);
                    pipe(server, client);
                } catch (IOException refused) {
                    closeQuietly(client); // the server refused: so does the proxy
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Keeps the pair unless the proxy was cut while it connected, so no connection outlives a cut. */
    private synchronized boolean admitted(ServerSocket accepting, Socket client, Socket server) {
        if (listener != accepting) {
            closeQuietly(client);
            closeQuietly(server);
            return false;
        }
        sockets.add(client);
        sockets.add(server);
        connections.incrementAndGet();
        return true;
    }

    private void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // one side closed: close the other too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pipe-" + port);
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing more to close
        }
    }
}
