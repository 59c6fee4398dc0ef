/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;

class PtyTest {

    @Test
    void answersOnItsPseudoTerminal(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("vmcu");
        ArrayBlockingQueue<DecodedMessage> messages = new ArrayBlockingQueue<>(100);
        DataDictionary dict = DataDictionary.parseJson(VirtualMcu.dictionaryJson());
        BlockContentDecoder content = new BlockContentDecoder(dict);
        BlockDecoder decoder = new BlockDecoder((buf, off, len) -> content.decode(buf, off, len,
                new BlockContentDecoder.Sink() {
                    @Override
                    public void message(DecodedMessage m, int offset) {
                        messages.add(m);
                    }

                    @Override
                    public void unknown(long id, byte[] rest, int offset) {
                    }

                    @Override
                    public void truncated(MessageFormat f, int offset) {
                    }
                }));
        try (VirtualMcu board = new VirtualMcu("pty", BoardWiring.virtualPrinter())) {
            String device = board.openPty(link);
            assertTrue(device.startsWith("/dev/"), device);
            assertEquals(Path.of(device), Files.readSymbolicLink(link));
            try (FileOutputStream out = new FileOutputStream(link.toFile());
                    FileInputStream in = new FileInputStream(link.toFile())) {
                Thread reader = new Thread(() -> {
                    byte[] buf = new byte[256];
                    try {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            decoder.feed(buf, 0, n);
                        }
                    } catch (java.io.IOException e) {
                        // closed at the end of the test
                    }
                });
                reader.setDaemon(true);
                reader.start();
                byte[] cmd = dict.createCommand("get_clock");
                out.write(MessageBlock.frame(0, cmd, 0, cmd.length));
                out.flush();
                DecodedMessage m;
                do {
                    m = messages.poll(5, TimeUnit.SECONDS);
                    assertTrue(m != null, "no answer on the pty within 5 s");
                } while (!m.name().equals("clock"));
            }
        }
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "symlink removed on close");
    }
}
