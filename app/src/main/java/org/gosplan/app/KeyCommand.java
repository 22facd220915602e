package org.gosplan.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "key", description = "Makes Ed25519 keys for signing records, and prints a key file's public key again.",
        subcommands = {KeyCommand.New.class, KeyCommand.Show.class})
final class KeyCommand extends CommandGroup {

    @Command(name = "new", description = {
            "Makes an Ed25519 key pair: the private key goes to FILE (mode 0600, never overwritten),",
            "the public key is printed in the C2SP signed-note verifier-key form <NAME>+<key id>+<base64>.",
            "Give the printed key to an operator, who registers it with 'gosplan record DIR member'."})
    static final class New implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "where to write the private key")
        Path file;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "the key's name, for example council-north (no '+' or spaces)")
        String name;

        @Override
        public Integer call() {
            NoteSigner k = Keys.generate(name);
            Keys.write(k, file);
            System.out.println(k.verifier());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = {
            "Prints the public key of a private key file (from 'gosplan key new' or 'log init') again, in the",
            "C2SP signed-note verifier-key form <NAME>+<key id>+<base64> that 'key new' printed. Never the private key."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a private key file")
        Path file;

        @Option(names = "--json", description = "print {\"vkey\", \"name\", \"keyId\"} as JSON")
        boolean json;

        @Override
        public Integer call() {
            org.gosplan.ledger.NoteVerifier v = Keys.read(file).verifier();
            if (json) {
                Json.print(System.out, Json.object().put("vkey", v.toString()).put("name", v.name())
                        .put("keyId", v.keyIdHex()));
            } else {
                System.out.println(v);
            }
            return ExitCode.OK;
        }
    }
}
