/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a G-code file line by line in 8 KiB chunks, splitting on {@code \n} at
 * the byte level so positions are exact byte offsets (as Klipper counts them).
 */
final class GCodeFileReader implements Closeable {

    static final int CHUNK_SIZE = 8192;

    /** One line without its newline; {@code length} is the bytes it takes in the file. */
    record Line(String text, long length) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private int chunkPos;
    private int chunkLen;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int chunkReads;

    GCodeFileReader(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** How many reads so far returned data (the print yields after each, as Klipper's does). */
    int chunkReads() {
        return chunkReads;
    }

    /** Continues reading at byte {@code position}, dropping anything buffered. */
    void seek(long position) throws IOException {
        channel.position(position);
        chunkPos = 0;
        chunkLen = 0;
        partial.reset();
    }

    /**
     * The next line, or null at the end of the file. A last line without a
     * newline is returned too (its length then has no newline byte).
     */
    Line nextLine() throws IOException {
        while (true) {
            for (int i = chunkPos; i < chunkLen; i++) {
                if (chunk[i] == '\n') {
                    partial.write(chunk, chunkPos, i - chunkPos);
                    chunkPos = i + 1;
                    return takePartial(1);
                }
            }
            partial.write(chunk, chunkPos, chunkLen - chunkPos);
            chunkPos = chunkLen;
            int n = channel.read(ByteBuffer.wrap(chunk));
            if (n <= 0) {
                return partial.size() > 0 ? takePartial(0) : null;
            }
            chunkPos = 0;
            chunkLen = n;
            chunkReads++;
        }
    }

    private Line takePartial(int newlineBytes) {
        byte[] bytes = partial.toByteArray();
        partial.reset();
        return new Line(new String(bytes, StandardCharsets.UTF_8), bytes.length + newlineBytes);
    }

    /** Up to {@code count} bytes from {@code position} as text, for the shutdown log. */
    String excerpt(long position, int count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(count);
        int n = channel.read(buf, position);
        return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
