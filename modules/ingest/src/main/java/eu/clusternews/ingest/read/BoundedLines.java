package eu.clusternews.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream one at a time, each kept only up to a size limit: a longer line is measured and
 * skipped, never held, so memory stays bounded whatever the input. A UTF-8 byte-order mark is dropped; a UTF-16
 * one switches to decoding the stream as UTF-16. Otherwise each line is decoded on its own, as strict UTF-8 or
 * else as Windows-1252, so one Latin-1 line does not garble the others. LF and CRLF both end a line.
 */
final class BoundedLines {

    /** One line: its 1-based number, its text (null when over the limit) and its size in bytes without the end. */
    record Line(long number, String text, long bytes) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long filled;
    private byte[] line = new byte[1024];
    private long number;
    private Reader utf16;
    private long utf16Chars;

    BoundedLines(InputStream in, int maxBytes) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the line limit must be at least 1 byte, not " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
        while (end < 3 && fill()) {
            // the first bytes, for a byte-order mark
        }
        if (end >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        } else if (end >= 2
                && ((buf[0] & 0xff) == 0xFF && (buf[1] & 0xff) == 0xFE
                        || (buf[0] & 0xff) == 0xFE && (buf[1] & 0xff) == 0xFF)) {
            Charset utf16Charset = (buf[0] & 0xff) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, 2, end - 2), in);
            utf16 = new InputStreamReader(rest, utf16Charset);
        }
    }

    /** Bytes of the stream consumed so far (for UTF-16, twice the characters). */
    long position() {
        return utf16 != null ? 2 + 2 * utf16Chars : filled - (end - pos);
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        return utf16 != null ? nextUtf16() : nextBytes();
    }

    private Line nextBytes() throws IOException {
        long size = 0;
        int kept = 0;
        boolean any = false;
        while (true) {
            if (pos >= end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int nl = indexOfNewline();
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            // keep one byte over the limit, for a CR before the LF
            if (size + n <= maxBytes + 1L) {
                if (kept + n > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxBytes + 1, Math.max(kept + n, line.length * 2)));
                }
                System.arraycopy(buf, pos, line, kept, n);
                kept += n;
            }
            size += n;
            pos = stop;
            if (nl >= 0) {
                pos++;
                break;
            }
        }
        number++;
        boolean cr = size > 0 && size == kept && line[kept - 1] == '\r';
        if (cr) {
            size--;
            kept--;
        }
        if (size > maxBytes) {
            return new Line(number, null, size);
        }
        return new Line(number, Decoding.decodeLine(line, 0, kept), size);
    }

    private Line nextUtf16() throws IOException {
        StringBuilder text = new StringBuilder();
        long chars = 0;
        boolean any = false;
        int c;
        while ((c = utf16.read()) >= 0) {
            any = true;
            utf16Chars++;
            if (c == '\n') {
                break;
            }
            if (2 * (chars + 1) <= maxBytes + 2L) {
                text.append((char) c);
            }
            chars++;
        }
        if (!any) {
            return null;
        }
        number++;
        if (chars > 0 && text.length() == chars && text.charAt(text.length() - 1) == '\r') {
            chars--;
            text.setLength(text.length() - 1);
        }
        if (2 * chars > maxBytes) {
            return new Line(number, null, 2 * chars);
        }
        return new Line(number, text.toString().replace("\uFEFF", ""), 2 * chars);
    }

    private int indexOfNewline() {
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more into the buffer (keeping what is not consumed yet); false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos > 0 && pos >= end) {
            pos = 0;
            end = 0;
        }
        if (end == buf.length) {
            // only the constructor fills without consuming, and it stops at 3 bytes
            throw new IllegalStateException("line buffer full");
        }
        int n = in.read(buf, end, buf.length - end);
        if (n <= 0) {
            return false;
        }
        end += n;
        filled += n;
        return true;
    }
}
