package org.gosplan.council.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gosplan.council.proposal.Proposals;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopted proposals of a federation planned over years keep each target's republic and year when summed. */
class AdoptedPlacesTest {
    @TempDir
    Path dir;

    private static NoteSigner key(String name, int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        return NoteSigner.fromSeed(name, s);
    }

    @Test
    void winnersTargetsAreSummedByRepublicAndYear() throws IOException {
        String root = System.getProperty("gosplan.root");
        Path two = Path.of(root != null ? root : "..", "examples", "two-republics.economy.json");
        try (Record r = Record.open(Log.init(dir.resolve("log"), "example.org/places", key("example.org/places", 0)))) {
            NoteSigner op = r.log().signingKey();
            NoteSigner council = key("council", 3);
            r.registerMember(council.verifier(), Role.COUNCIL, op);
            r.publishEconomy(two, op, Progress.NONE);
            Path a = dir.resolve("a.csv");
            Files.writeString(a, "product,quantity,weight,region,year\ngrain,100,,north,\ngrain,50,,south,1\n");
            Path b = dir.resolve("b.csv");
            Files.writeString(b, "product,quantity,weight,region,year\ngrain,10,,north,2\ngrain,5,,south,1\n");
            long pa = Proposals.make(r, a, "a", council).index();
            long pb = Proposals.make(r, b, "b", council).index();
            Economy summed = Tallies.summed(r, r.snapshot(), List.of(Long.toString(pa), Long.toString(pb)));
            Map<String, Double> got = new TreeMap<>();
            for (int i = 0; i < summed.targets(); i++) {
                got.put(summed.parts().regionId(summed.parts().targetRegion(i)) + "/" + summed.parts().targetYear(i),
                        summed.targetQuantity(i));
            }
            // the north's 100 every year and 10 more in year 2: 100 in year 1, 110 in year 2; the south's 50 + 5
            assertEquals(Map.of("north/1", 100.0, "north/2", 110.0, "south/1", 55.0), got);
        }
    }
}
