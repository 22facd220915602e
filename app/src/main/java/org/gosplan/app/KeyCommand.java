package org.gosplan.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.ledger.CosignatureVerifier;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;
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
            "Give the printed key to an operator, who registers it with 'gosplan record DIR member'.",
            "With --witness it makes a witness's key instead (C2SP cosignature/v1, signature type 0x04), for",
            "'gosplan witness serve --key FILE'; logs and policies name the witness by the printed key."})
    static final class New implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "where to write the private key")
        Path file;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "the key's name, for example council-north (no '+' or spaces)")
        String name;

        @Option(names = "--witness", description = "make a witness's cosigning key (type 0x04) instead of a member's"
                + " or a log's note key")
        boolean witness;

        @Option(names = "--json", description = "print {\"vkey\", \"name\", \"keyId\", \"file\"} as JSON (never the"
                + " private key)")
        boolean json;

        @Override
        public Integer call() {
            if (witness) {
                Cosigner k = Keys.generateWitness(name);
                Keys.write(k, file);
                CosignatureVerifier v = k.verifier();
                print(v.toString(), v.name(), v.keyIdHex());
                return ExitCode.OK;
            }
            NoteSigner k = Keys.generate(name);
            Keys.write(k, file);
            NoteVerifier v = k.verifier();
            print(v.toString(), v.name(), v.keyIdHex());
            return ExitCode.OK;
        }

        private void print(String vkey, String keyName, String keyId) {
            if (json) {
                Json.print(System.out, Json.object().put("vkey", vkey).put("name", keyName).put("keyId", keyId)
                        .put("file", file.toString()));
            } else {
                System.out.println(vkey);
            }
        }
    }

    @Command(name = "show", description = {
            "Prints the public key of a private key file (from 'gosplan key new' or 'log init') again, in the",
            "C2SP signed-note verifier-key form <NAME>+<key id>+<base64> that 'key new' printed.",
            "Never the private key.",
            "A witness's key (from 'key new --witness') prints as its cosignature/v1 key, of type 0x04."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "a private key file")
        Path file;

        @Option(names = "--json", description = "print {\"vkey\", \"name\", \"keyId\"} as JSON")
        boolean json;

        @Override
        public Integer call() {
            String vkey;
            String name;
            String keyId;
            if (Keys.isWitnessKey(file)) {
                CosignatureVerifier v = Keys.readWitness(file).verifier();
                vkey = v.toString();
                name = v.name();
                keyId = v.keyIdHex();
            } else {
                NoteVerifier v = Keys.read(file).verifier();
                vkey = v.toString();
                name = v.name();
                keyId = v.keyIdHex();
            }
            if (json) {
                Json.print(System.out, Json.object().put("vkey", vkey).put("name", name).put("keyId", keyId));
            } else {
                System.out.println(vkey);
            }
            return ExitCode.OK;
        }
    }
}
