package dev.ferry.core.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket connection = echo.accept();
                    Thread echoing = new Thread(() -> {
                        try (connection) {
                            connection.getInputStream().transferTo(connection.getOutputStream());
                        } catch (IOException gone) {
                            // the proxy reset it
                        }
                    });
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = TcpProxy.to(echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsUntilCutThenResetsOpenAndNewConnectionsUntilRestored() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "one")).isEqualTo("one");

            proxy.cut();

            assertThatThrownBy(() -> roundTrip(before, "two")).isInstanceOf(IOException.class);
            try (Socket duringCut = connect()) {
                assertThatThrownBy(() -> roundTrip(duringCut, "three")).isInstanceOf(IOException.class);
            }
        }

        proxy.restore();

        try (Socket after = connect()) {
            assertThat(roundTrip(after, "four")).isEqualTo("four");
        }
    }

    @Test
    void stalledHoldsOpenAndNewConnectionsSilentlyThenDeliversWhatItHeldOnceRestored() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "one")).isEqualTo("one");

            proxy.stall();

            before.setSoTimeout(500);
            assertThatThrownBy(() -> roundTrip(before, "two")).isInstanceOf(SocketTimeoutException.class);
            try (Socket duringStall = connect()) {
                duringStall.setSoTimeout(500);
                assertThatThrownBy(() -> roundTrip(duringStall, "three")).isInstanceOf(SocketTimeoutException.class);

                proxy.restore();

                duringStall.setSoTimeout(5_000);
                assertThat(read(duringStall, "three".length())).isEqualTo("three");
            }
            before.setSoTimeout(5_000);
            assertThat(read(before, "two".length())).isEqualTo("two");
            assertThat(roundTrip(before, "four")).isEqualTo("four");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends the text and reads the echo; an ended stream counts as a failure like a reset does. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        return read(socket, text.length());
    }

    private static String read(Socket socket, int length) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] answer = new byte[length];
        int read = 0;
        while (read < answer.length) {
            int n = in.read(answer, read, answer.length - read);
            if (n < 0) {
                throw new IOException("connection ended");
            }
            read += n;
        }
        return new String(answer);
    }
}
