package eu.clusternews.ingest.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text: a byte-order mark wins (UTF-8, UTF-16 LE/BE); else a charset the document declares
 * (HTML meta, XML prolog) when the JVM knows it; else strict UTF-8; else Windows-1252 (a superset of the
 * printable ISO-8859-1, which is what "Latin-1" files really are). Line ends become \n.
 */
public final class Decoding {

    private static final Pattern DECLARED = Pattern.compile(
            "(?i)(?:<meta[^>]{0,200}charset\\s*=\\s*[\"']?|<\\?xml[^>]{0,100}encoding\\s*=\\s*[\"'])([A-Za-z0-9_.:-]{1,40})");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoding() {}

    /** The decoded text and the charset used. */
    public record Decoded(String text, Charset charset) {}

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(
                    lines(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(
                    lines(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE)),
                    StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(
                    lines(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE)),
                    StandardCharsets.UTF_16BE);
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new Decoded(lines(new String(bytes, declared)), declared);
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(lines(text), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new Decoded(lines(new String(bytes, WINDOWS_1252)), WINDOWS_1252);
        }
    }

    /**
     * One line of a stream (no line end in it): strict UTF-8, else Windows-1252. Deciding per line rather than per
     * file lets a stream be decoded as it is read; a BOM character inside is dropped.
     */
    public static String decodeLine(byte[] bytes, int offset, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, offset, length, WINDOWS_1252);
        }
        return text.indexOf('\uFEFF') < 0 ? text : text.replace("\uFEFF", "");
    }

    /** CRLF and lone CR to LF; a BOM character left inside the text is dropped. */
    public static String lines(String s) {
        if (s.indexOf('\r') < 0 && s.indexOf('\uFEFF') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            Charset c = Charset.forName(m.group(1));
            // ISO-8859-1 declarations mean Windows-1252 in practice (HTML5 says so too)
            return c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
