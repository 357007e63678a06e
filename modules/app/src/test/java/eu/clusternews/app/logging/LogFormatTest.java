package eu.clusternews.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Log lines say when, how bad and who; or, for log collectors, are one JSON object each. */
class LogFormatTest {

    private static LoggingEvent event(LoggerContext context, Throwable thrown) {
        ch.qos.logback.classic.Logger logger = context.getLogger("eu.clusternews.app.commands.LocalStacks");
        return new LoggingEvent(
                ch.qos.logback.classic.Logger.class.getName(),
                logger,
                Level.WARN,
                "Broker and registry ready in {} ms",
                thrown,
                new Object[] {42});
    }

    @Test
    void theApplicationsLogLinesCarryTheDateTheLevelAndTheLogger() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        // the application's own logback.xml, not the tests' logback-test.xml
        configurator.doConfigure(
                java.nio.file.Path.of("src/main/resources/logback.xml").toFile());
        @SuppressWarnings("unchecked")
        Encoder<ILoggingEvent> encoder =
                ((OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("console")).getEncoder();

        String line = new String(encoder.encode(event(context, null)), StandardCharsets.UTF_8);

        assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  "
                        + "e\\.c\\.app\\.commands\\.LocalStacks - Broker and registry ready in 42 ms\\R");
        context.stop();
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTimestampLevelLoggerMessageAndStackTrace() throws Exception {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();

        String line = JsonLineEncoder.utf8(encoder.encode(event(context, new IllegalStateException("broken\nin two"))));

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("eu.clusternews.app.commands.LocalStacks");
        assertThat(json.get("message").asText()).isEqualTo("Broker and registry ready in 42 ms");
        assertThat(json.get("stack_trace").asText())
                .contains("IllegalStateException: broken\nin two")
                .contains("\tat ");
    }

    @Test
    void theLogFormatOptionSwitchesTheConsoleToJsonLines() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("console");
        Encoder<ILoggingEvent> before = console.getEncoder();
        try {
            eu.clusternews.app.ClusterNews.commandLine().parseArgs("generate", "--count", "1", "--log-format", "json");

            assertThat(console.getEncoder()).isInstanceOf(JsonLineEncoder.class);
            assertThat(console.isStarted()).isTrue();
        } finally {
            console.stop();
            console.setEncoder(before);
            console.start();
        }
    }
}
