/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.mcu.McuLink;

/** A raw link over a pseudo-tty pair, the way Klipper's Linux-process MCU is reached. */
class TtyLinkTest {
    /** The master side of a pty, opened by the test. */
    interface Ptmx extends Library {
        Ptmx C = Native.load("c", Ptmx.class);

        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);

        NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

        int close(int fd);
    }

    private int master = -1;
    private String slavePath;
    private McuLink link;

    @BeforeEach
    void openPair() {
        master = Ptmx.C.posix_openpt(PosixLibC.O_RDWR | PosixLibC.O_NOCTTY);
        Ptmx.C.grantpt(master);
        Ptmx.C.unlockpt(master);
        slavePath = Ptmx.C.ptsname(master);
    }

    @AfterEach
    void closeAll() throws IOException {
        if (link != null) {
            link.close();
        }
        if (master >= 0) {
            Ptmx.C.close(master);
        }
    }

    private byte[] readAll(McuLink from, int count) throws IOException {
        byte[] out = new byte[count];
        int got = 0;
        long deadline = System.currentTimeMillis() + 5000;
        while (got < count && System.currentTimeMillis() < deadline) {
            int n = from.read(out, got, count - got, 100);
            assertTrue(n >= 0, "link open");
            got += n;
        }
        return Arrays.copyOf(out, got);
    }

    @Test
    void bytesPassRawInBothDirections() throws Exception {
        link = new McuLinkOpener().open(slavePath, 250000, true);
        assertTrue(link instanceof TtyLink, "a pty is opened raw, not as a serial port");
        // raw mode: 0x7e, newlines, ^C and ^D are data, nothing is echoed or translated
        byte[] block = {0x05, 0x11, 0x0a, 0x03, 0x04, 0x0d, 0x7e};
        link.write(block, 0, block.length);
        byte[] got = new byte[16];
        long n = Ptmx.C.read(master, got, new NativeLong(got.length)).longValue();
        assertArrayEquals(block, Arrays.copyOf(got, (int) n));

        Ptmx.C.write(master, block, new NativeLong(block.length));
        assertArrayEquals(block, readAll(link, block.length));
    }

    @Test
    void readTimesOutWithZeroAndReportsAClosedPeer() throws Exception {
        link = TtyLink.open(slavePath);
        byte[] buf = new byte[8];
        assertEquals(0, link.read(buf, 0, buf.length, 20));
        Ptmx.C.close(master);
        master = -1;
        int n = 0;
        for (int i = 0; i < 10 && n == 0; i++) {
            n = link.read(buf, 0, buf.length, 50);
        }
        assertEquals(-1, n, "the other end went away");
    }

    @Test
    void missingPathIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> TtyLink.open("/tmp/klipper_host_nosuch_mcu"));
        assertTrue(e.getMessage().startsWith("Unable to open /tmp/klipper_host_nosuch_mcu"), e.getMessage());
    }

    @Test
    void schemesGoToProviders() throws Exception {
        McuLinkOpener opener = new McuLinkOpener();
        McuLink fake = TtyLink.open(slavePath);
        link = fake;
        opener.addProvider("virtual", (address, baud) -> {
            assertEquals("printer", address);
            assertEquals(250000, baud);
            return fake;
        });
        assertEquals(fake, opener.open("virtual:printer", 250000, true));
        IOException e = assertThrows(IOException.class, () -> opener.open("can:abc", 0, true));
        assertTrue(e.getMessage().startsWith("No MCU link provider for 'can:'"), e.getMessage());
        assertTrue(McuLinkOpener.takesBaud("/dev/ttyACM0"));
        assertTrue(!McuLinkOpener.takesBaud("/tmp/klipper_host_mcu"));
    }
}
