package eu.clusternews.app.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One JSON object per log line, for log collectors (Loki, Elasticsearch, Cloud Logging):
 * {@code {"timestamp":"2026-05-17T08:30:00.123Z","level":"INFO","logger":"...","thread":"...","message":"..."}},
 * plus {@code mdc} when there is any and {@code stack_trace} with an exception.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];
    private final JsonFactory json = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField(
                    "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("logger", event.getLoggerName());
            out.writeStringField("thread", event.getThreadName());
            out.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                out.writeObjectFieldStart("mdc");
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    out.writeStringField(entry.getKey(), entry.getValue());
                }
                out.writeEndObject();
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                out.writeStringField("stack_trace", ThrowableProxyUtil.asString(thrown));
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    static String utf8(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
