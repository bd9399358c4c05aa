package io.callscore.cli;

import io.callscore.engine.cert.CertificateStore;
import io.callscore.engine.cert.CertificateVerifier;
import io.callscore.engine.cert.ScoreCertificate;
import io.callscore.vcf.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code callscore cert}: check and find the signed score certificates a validator issues. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description = "Signed score certificates: verify one, or show those of a job.",
    commandListHeading = "%nCommands:%n",
    subcommands = {CertCommand.Verify.class, CertCommand.Show.class})
public final class CertCommand extends CommandGroup
{
    /** {@code callscore cert verify}: signature, key id, optional trusted key, optional VCF hash. */
    @Command(
        name = "verify",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Check a certificate's signature (and, when given, its VCF and key).",
            "The Ed25519 signature is checked with the public key the certificate",
            "embeds, and its key id must name that key; with --public-key, the key",
            "must be that one; with --vcf, the VCF's SHA-256 must be the certified",
            "one. Without --public-key a valid signature only shows that nothing",
            "changed since the holder of the embedded key signed: compare that key",
            "with the one the validator publishes.",
        },
        footer = {"", "Exit codes: 0 valid (one line on stdout), 2 invalid or unreadable (one", "line on stderr)."})
    static final class Verify implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CERT.json", description = "The certificate.")
        Path certificate;

        @Option(names = "--vcf", paramLabel = "FILE", description = "Also check that this VCF's SHA-256 is the one "
            + "certified (hash of the file as stored, compressed or not).")
        Path vcf;

        @Option(names = "--public-key", paramLabel = "BASE64",
            description = "Accept only this validator public key (base64 of the raw 32 bytes, as 'keys show' prints).")
        String publicKey;

        @Option(names = "--key-id", paramLabel = "HEX16",
            description = "Accept only this key id (a 64-bit label: weaker than --public-key).")
        String keyId;

        @Override
        public Integer call()
        {
            final CertificateVerifier verifier = verifier();
            final ScoreCertificate c = ScoreCertificate.read(certificate);
            final CertificateVerifier.Verdict verdict = vcf == null ? verifier.verify(c) : verifier.verify(c, vcf);
            if (!verdict.valid())
            {
                throw new InputException(certificate, verdict.problem());
            }
            final PrintWriter out = spec.commandLine().getOut();
            out.println("ok: task " + c.taskId() + " (" + c.mode().text() + "), miner " + c.minerHotkey()
                + ", score " + c.score() + ", signed by key " + c.validatorKeyId() + " at " + c.issuedAt()
                + (vcf == null ? "" : "; VCF sha256 matches")
                + (publicKey == null && keyId == null ? " (key not checked against a trusted one: --public-key)"
                : "; trusted key"));
            out.flush();
            return CallscoreCommand.EXIT_OK;
        }

        private CertificateVerifier verifier()
        {
            if (publicKey != null && keyId != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --public-key or --key-id, not both");
            }
            if (keyId != null)
            {
                return CertificateVerifier.trustingKeyId(keyId);
            }
            if (publicKey == null)
            {
                return CertificateVerifier.embeddedKey();
            }
            try
            {
                return CertificateVerifier.trustingPublicKey(Base64.getDecoder().decode(publicKey));
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--public-key takes the base64 of a raw 32-byte Ed25519 public key");
            }
        }
    }

    /** {@code callscore cert show}: the stored certificates of a job (or benchmark task). */
    @Command(
        name = "show",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Print the stored certificates of a job, one JSON line each.",
            "A user's job id is its task id. Lines are ordered by miner hotkey. The",
            "validator keeps certificates in <state>/certs/<task_id>/<hotkey>.json.",
        },
        footer = {"", "Exit codes: 0 found, 2 none found or unreadable (one line on stderr)."})
    static final class Show implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "The certificate folder (<state>/certs).")
        Path dir;

        @Option(names = "--job", paramLabel = "ID", required = true, description = "Job (task) id.")
        String job;

        @Option(names = "--hotkey", paramLabel = "HOTKEY", description = "Only this miner's certificate.")
        String hotkey;

        @Override
        public Integer call()
        {
            final CertificateStore store = new CertificateStore(dir);
            final List<ScoreCertificate> found = hotkey == null ? store.forTask(job)
                : store.find(job, hotkey).stream().toList();
            if (found.isEmpty())
            {
                throw new InputException(dir, "no certificate for job " + job
                    + (hotkey == null ? "" : " and miner " + hotkey));
            }
            final PrintWriter out = spec.commandLine().getOut();
            for (final ScoreCertificate c : found)
            {
                out.println(c.toJson());
            }
            out.flush();
            return CallscoreCommand.EXIT_OK;
        }
    }
}
