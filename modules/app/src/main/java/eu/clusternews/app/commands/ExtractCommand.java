package eu.clusternews.app.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import eu.clusternews.ingest.DocumentRejectedException;
import eu.clusternews.ingest.extract.Extraction;
import eu.clusternews.ingest.extract.ExtractionJson;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.publish.NewsIngestion;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.DocumentSink;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusternews extract}: what ingestion would publish, without Kafka. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Print what clusternews extracts from news documents, without Kafka: id, language, publication date, "
                    + "title, kind, event dates and place, linked mentions, unresolved names, persons.",
            "--format json prints one JSON object per document per line."
        })
public final class ExtractCommand implements Callable<Integer> {

    enum Format {
        json,
        text
    }

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-", description = "Documents, folders, or - for standard input.")
    List<Path> inputs;

    @Option(
            names = "--format",
            paramLabel = "json|text",
            defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description = "Reference data used to link mentions (default: seeds/reference of this installation).")
    Path referenceDir;

    @Override
    public Integer call() {
        Extractor extractor = new Extractor(ReferenceData.load(
                referenceDir != null ? referenceDir : Installation.seedsDir().resolve("reference")));
        DocumentReaders readers = new DocumentReaders();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<DocumentRejectedException> rejected = new ArrayList<>();
        // documents are printed as they are read: standard input and JSON lines of any length are never held whole
        DocumentSink sink = new DocumentSink() {
            @Override
            public void document(RawDocument document, String where) {
                try {
                    Extraction extraction = extractor.extract(document);
                    out.println(
                            format == Format.json
                                    ? ExtractionJson.toJsonLine(extraction)
                                    : ExtractionJson.toText(extraction));
                } catch (DocumentRejectedException e) {
                    rejected.add(new DocumentRejectedException(where, e.reason(), e));
                }
            }

            @Override
            public void rejected(DocumentRejectedException rejection) {
                rejected.add(rejection);
            }
        };
        for (Path input : NewsIngestion.expand(inputs)) {
            if (input.toString().equals("-")) {
                readers.read("-", System.in, sink);
            } else {
                readers.read(input, sink);
            }
        }
        out.flush();
        rejected.forEach(r -> err.printf("clusternews: rejected %s: %s%n", r.source(), r.reason()));
        return rejected.isEmpty() ? 0 : eu.clusternews.app.ExitCodes.REJECTED_INPUT;
    }
}
