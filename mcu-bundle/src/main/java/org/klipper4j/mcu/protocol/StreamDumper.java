/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes a captured or batch-mode byte stream to text, one message per line
 * ({@code name p1=v1 ...}, enumerated values by name, strings in hex). Problems (dropped
 * bytes, sequence gaps, unknown ids) are collected separately. Basis of {@code klipper4j dump DICT FILE}.
 */
public final class StreamDumper {
    /** What a dump found besides the messages. */
    public record Summary(long bytes, long blocks, long messages, int firstSeq, List<String> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final DataDictionary dict;

    public StreamDumper(DataDictionary dict) {
        this.dict = dict;
    }

    /** Decodes {@code data}, giving each message's text to {@code lines}. */
    public Summary dump(byte[] data, Consumer<String> lines) {
        Collector c = new Collector(lines);
        BlockDecoder decoder = new BlockDecoder(c);
        c.decoder = decoder;
        decoder.feed(data);
        if (decoder.pending() > 0) {
            c.problem(data.length - decoder.pending(), "tail",
                    decoder.pending() + " trailing bytes do not form a block");
        }
        return new Summary(data.length, decoder.blocks(), c.messages, c.firstSeq, List.copyOf(c.problems));
    }

    /** Decodes {@code data} to its lines of text. */
    public List<String> dumpToLines(byte[] data) {
        List<String> out = new ArrayList<>();
        dump(data, out::add);
        return out;
    }

    private final class Collector implements BlockDecoder.Listener, BlockContentDecoder.Sink {
        private final Consumer<String> lines;
        private final BlockContentDecoder content = new BlockContentDecoder(dict);
        private final List<String> problems = new ArrayList<>();
        private BlockDecoder decoder;
        private long blockBase;
        private int blockIndex;
        private int prevSeq = -1;
        private int firstSeq = -1;
        private long messages;

        Collector(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void onBlock(byte[] buf, int off, int len) {
            int seq = MessageBlock.sequenceOf(buf, off);
            if (prevSeq < 0) {
                firstSeq = seq;
            } else if (seq != ((prevSeq + 1) & MessageBlock.SEQ_MASK)) {
                problem(decoder.currentOffset(), "seq", "block " + blockIndex + ": sequence " + seq
                        + ", expected " + ((prevSeq + 1) & MessageBlock.SEQ_MASK));
            }
            prevSeq = seq;
            blockBase = decoder.currentOffset() - off;
            content.decode(buf, off, len, this);
            blockIndex++;
        }

        @Override
        public void onDiscard(byte[] buf, int off, int len) {
            // sync bytes between blocks are normal
            if (len == 1 && (buf[off] & 0xff) == MessageBlock.SYNC) {
                return;
            }
            problem(decoder.currentOffset(), "framing", "discarded " + len + " bytes");
        }

        @Override
        public void message(DecodedMessage message, int offset) {
            messages++;
            lines.accept(message.toText());
            if (message.format().kind() != MessageKind.COMMAND) {
                problem(blockBase + offset, "unknown-id", "id " + message.format().id() + " is a "
                        + message.format().kind().name().toLowerCase() + " (" + message.name() + "), not a command");
            }
        }

        @Override
        public void unknown(long id, byte[] rest, int offset) {
            messages++;
            StringBuilder sb = new StringBuilder("#unknown id=").append(id).append(" rest=");
            MessageFormat.appendHex(sb, rest);
            lines.accept(sb.toString());
            problem(blockBase + offset, "unknown-id", "unknown message id " + id + "; rest of block skipped");
        }

        @Override
        public void truncated(MessageFormat format, int offset) {
            problem(blockBase + offset, "truncated", (format == null ? "message id" : format.name())
                    + ": parameters run past the end of the block");
        }

        void problem(long offset, String kind, String text) {
            problems.add("offset " + offset + ": " + kind + ": " + text);
        }
    }

    /** Runs {@code dump DICT FILE}: 0 if the stream is clean, 2 if it has problems, 1 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: dump DICT FILE");
            return 1;
        }
        try {
            DataDictionary dict = DataDictionary.load(Path.of(args[0]));
            byte[] data = Files.readAllBytes(Path.of(args[1]));
            Summary s = new StreamDumper(dict).dump(data, out::println);
            out.flush();
            for (String p : s.problems()) {
                err.println("dump: " + p);
            }
            err.println("dump: " + s.bytes() + " bytes, " + s.blocks() + " blocks, " + s.messages()
                    + " messages, first seq " + (s.firstSeq() < 0 ? "none" : s.firstSeq()) + ", "
                    + s.problems().size() + " problems");
            return s.clean() ? 0 : 2;
        } catch (NoSuchFileException e) {
            err.println("dump: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("dump: unable to read: " + e.getMessage());
            return 1;
        } catch (ProtocolException e) {
            err.println("dump: " + e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int rc = run(args, out, System.err);
        out.flush();
        System.exit(rc);
    }
}
