package eu.clusternews.app;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it always matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ClusterNews.class.getPackage().getImplementationVersion();
        return new String[] {
            "clusternews " + (version == null ? "(development build)" : version),
            "Kafka clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + ", Java " + Runtime.version()
        };
    }
}
