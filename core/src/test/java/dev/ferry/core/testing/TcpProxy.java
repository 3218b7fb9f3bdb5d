package dev.ferry.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy to a server on 127.0.0.1 that a test can {@link #cut()} or {@link #stall()} and
 * {@link #restore()}, to take a database away from the process under test and give it back without touching the
 * server. Cut, it resets every open connection and resets each new one as soon as it is accepted: the client sees
 * the connection reset, as when the server's host went down, and the proxy keeps its port for the restore. Stalled,
 * it keeps every connection open and forwards nothing, as a network that silently drops packets.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    /**
     * Guards cut, stalled and open, so a connection accepted while cutting is either reset by the cut or never
     * forwarded; threads holding bytes during a stall wait on it.
     */
    private final Object lock = new Object();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private boolean cut;
    private boolean stalled;

    private TcpProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::acceptUntilClosed, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts forwarding a free loopback port to 127.0.0.1:targetPort. */
    public static TcpProxy to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new TcpProxy(listener, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Connections forwarded to the server since the proxy started: a client that reads nothing opens none. */
    public int connections() {
        return forwarded.get();
    }

    /** Resets every open connection and, until {@link #restore()}, every new one. */
    public void cut() {
        synchronized (lock) {
            cut = true;
            open.forEach(TcpProxy::reset);
            open.clear();
            lock.notifyAll();
        }
    }

    /**
     * Until {@link #restore()}, forwards no byte in either direction, on open connections and new ones alike, and
     * resets nothing: each side's writes succeed and its reads wait, as in a network partition where packets are
     * dropped and no reset arrives. Only a timeout of the client's own ends its wait.
     */
    public void stall() {
        synchronized (lock) {
            stalled = true;
        }
    }

    /**
     * Forwards new connections again, and after a stall the bytes it held, as TCP delivers what it retransmitted
     * once the network is back.
     */
    public void restore() {
        synchronized (lock) {
            cut = false;
            stalled = false;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            // A thread per connection: one accepted during a stall waits for the restore without holding up others.
            Thread connecting = new Thread(() -> forward(client), "tcp-proxy-connect-" + client.getPort());
            connecting.setDaemon(true);
            connecting.start();
        }
    }

    private void forward(Socket client) {
        synchronized (lock) {
            if (cut) {
                reset(client);
                return;
            }
            open.add(client);
        }
        if (!awaitFlowing()) {
            return;
        }
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        } catch (IOException refused) {
            synchronized (lock) {
                open.remove(client);
            }
            reset(client);
            return;
        }
        synchronized (lock) {
            if (cut) {
                reset(client);
                reset(server);
                return;
            }
            open.add(server);
        }
        forwarded.incrementAndGet();
        pump(client, server);
        pump(server, client);
    }

    /** Waits while the proxy is stalled; false when it was cut meanwhile (the cut reset the connection). */
    private boolean awaitFlowing() {
        synchronized (lock) {
            while (stalled && !cut) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !cut;
        }
    }

    /** Copies one direction until either side closes; then closes both, as the other direction would find. */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0 && awaitFlowing(); ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // One side closed or was reset: the connection is over.
            } finally {
                synchronized (lock) {
                    open.remove(from);
                    open.remove(to);
                }
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump-" + from.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with linger 0, so the peer gets a reset rather than an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // Nothing left to reset.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // Closing is all that was wanted.
        }
    }
}
