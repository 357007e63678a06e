package eu.clusternews.local.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private CA and the stores signed by it, made with the JDK's {@code keytool} run as a process, as an operator
 * would: a server certificate for 127.0.0.1 (subject alternative name IP:127.0.0.1) in a PKCS12 keystore, a client
 * certificate for mutual TLS, and a PKCS12 truststore and a PEM file holding the CA. Shared by the registry's HTTPS
 * tests and the broker's TLS test.
 */
public final class TestCertificates {

    public final String password = "store-" + UUID.randomUUID();
    public final Path serverKeystore;
    public final Path clientKeystore;
    public final Path truststore;
    public final Path caPem;
    private final Path dir;

    public TestCertificates(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Path ca = dir.resolve("ca.p12");
        caPem = dir.resolve("ca.pem");
        serverKeystore = dir.resolve("server.p12");
        clientKeystore = dir.resolve("client.p12");
        truststore = dir.resolve("truststore.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=clusternews test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                ca,
                "-storetype",
                "PKCS12",
                "-storepass",
                password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", password, "-file", caPem);
        signed(ca, serverKeystore, "CN=127.0.0.1", "SAN=IP:127.0.0.1", "EKU=serverAuth");
        signed(ca, clientKeystore, "CN=clusternews", null, "EKU=clientAuth");
        importCa(truststore, "-storetype", "PKCS12"); // a new store: say which type
    }

    /** The CA's certificate into this store, trusted without asking. */
    private void importCa(Path store, Object... more) throws IOException, InterruptedException {
        List<Object> args = new ArrayList<>(List.of(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem,
                "-keystore",
                store,
                "-storepass",
                password));
        args.addAll(List.of(more));
        keytool(args.toArray());
    }

    /** A key pair in its own PKCS12 keystore, with the certificate chain signed by the CA. */
    private void signed(Path ca, Path keystore, String dname, String san, String eku)
            throws IOException, InterruptedException {
        String alias = keystore.getFileName().toString().replace(".p12", "");
        Path request = dir.resolve(alias + ".csr");
        Path certificate = dir.resolve(alias + ".pem");
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-keystore",
                keystore,
                "-storetype",
                "PKCS12",
                "-storepass",
                password);
        keytool("-certreq", "-alias", alias, "-keystore", keystore, "-storepass", password, "-file", request);
        List<Object> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-storepass",
                password,
                "-infile",
                request,
                "-outfile",
                certificate,
                "-validity",
                "2",
                "-ext",
                eku));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray());
        importCa(keystore);
        keytool("-importcert", "-alias", alias, "-file", certificate, "-keystore", keystore, "-storepass", password);
    }

    private void keytool(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // a short-lived JVM: start it the cheap way (each keytool run is a JVM start)
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
