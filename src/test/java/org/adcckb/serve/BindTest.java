package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** By default the explorer listens on the loopback interface only. */
class BindTest {

    @Test
    void theDefaultHostIsLoopback() {
        Server s = Api.shared();

        assertThat(s.address().getAddress().isLoopbackAddress()).as(s.address().toString()).isTrue();
        assertThat(s.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(ServeConfig.LOOPBACK).isEqualTo("127.0.0.1");
    }

    @Test
    void itCannotBeReachedThroughAnotherInterfaceOfThisMachine() throws IOException {
        Server s = Api.shared();
        Optional<InetAddress> external = externalAddress();
        // A machine with no other interface cannot be reached from another one: nothing more to check.
        if (external.isEmpty()) {
            return;
        }
        try (Socket loop = new Socket()) {
            loop.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.address().getPort()), 5000);
            assertThat(loop.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket other = new Socket()) {
                other.connect(new InetSocketAddress(external.get(), s.address().getPort()), 5000);
            }
        }).as("connecting through " + external.get()).isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (i.isUp() && !i.isLoopback()) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
