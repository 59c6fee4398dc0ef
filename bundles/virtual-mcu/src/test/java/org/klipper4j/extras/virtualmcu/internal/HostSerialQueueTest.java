/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.mcu.internal.serial.CommandQueue;
import org.klipper4j.mcu.internal.serial.SerialQueue;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageFormat;

/**
 * The host's serial queue (mcu-bundle) against the board in simulated time: first contact
 * (the board naks with the sequence number it expects), acks, and a burst of commands.
 */
class HostSerialQueueTest {
    private final TestHost board = new TestHost();
    private final List<byte[]> toBoard = new ArrayList<>();
    private final List<DecodedMessage> received = new ArrayList<>();
    private final SerialQueue queue = new SerialQueue((buf, off, len) -> toBoard.add(
            java.util.Arrays.copyOfRange(buf, off, off + len)), this::onData);
    private final BlockContentDecoder content = new BlockContentDecoder(board.dict);
    private double time;

    private void onData(byte[] block, int off, int len, double sentTime, double receiveTime) {
        content.decode(block, off, len, new BlockContentDecoder.Sink() {
            @Override
            public void message(DecodedMessage m, int offset) {
                received.add(m);
            }

            @Override
            public void unknown(long id, byte[] rest, int offset) {
                throw new AssertionError("unknown id " + id);
            }

            @Override
            public void truncated(MessageFormat f, int offset) {
                throw new AssertionError("truncated " + f);
            }
        });
    }

    /** Runs host and board for {@code seconds} in 1 ms steps. */
    private void run(double seconds) {
        double end = time + seconds;
        while (time < end) {
            time += 0.001;
            queue.service(time);
            for (byte[] b : toBoard) {
                board.sendBytes(b);
            }
            toBoard.clear();
            board.advanceTo((long) (time * TestHost.FREQ));
            for (byte[] b : board.takeBlocks()) {
                queue.receive(b, 0, b.length, time);
            }
        }
    }

    private long count(String name) {
        return received.stream().filter(m -> m.name().equals(name)).count();
    }

    @Test
    void theHostQueueTalksToTheBoard() {
        CommandQueue cq = queue.allocCommandQueue();
        byte[] identify = board.dict.createCommand("identify offset=0 count=40");
        queue.send(cq, identify, 0, identify.length, 0, 0);
        run(0.5);
        // the first block carried the host's sequence number 1; the board expects 0 after boot,
        // naks, and the host takes the board's number from then on
        queue.send(cq, identify, 0, identify.length, 0, 0);
        run(0.5);
        assertEquals(1, count("identify_response"));

        byte[] getClock = board.dict.createCommand("get_clock");
        for (int i = 0; i < 40; i++) {
            queue.send(cq, getClock, 0, getClock.length, 0, 0);
        }
        run(1.0);
        assertEquals(40, count("clock"));
        assertEquals(0, queue.inFlight());
    }
}
