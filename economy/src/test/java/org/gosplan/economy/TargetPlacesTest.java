package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A targets file for an economy with republics and years (formats.md section 5: columns {@code
 * region} and {@code year} of targets.csv) keeps each target's place, so that targets set on the
 * record mean what the same targets inside the economy file mean.
 */
class TargetPlacesTest {
    @TempDir
    Path tmp;

    private Economy two() {
        return EconomyFiles.readEconomy(TestFiles.write(tmp.resolve("two.economy.json"), PartsTest.TWO_REPUBLICS));
    }

    private Path targets(String text) throws java.io.IOException {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theFileGivesTheSameEconomyAsTheTargetsInsideIt() throws java.io.IOException {
        Economy two = two();
        // the economy's own targets, written as a targets file by hand
        Economy read = EconomyFiles.readTargets(targets("product,quantity,weight,region,year\n"
                + "grain,100,,north,\ngrain,100,,south,1\ngrain,120,,south,2\n"), two);
        assertEquals(two, read);
        // and written by Gosplan, read back (the form stored beside a log)
        Path out = tmp.resolve("out.csv");
        EconomyFiles.writeTargets(read, out);
        assertEquals(two, EconomyFiles.readTargets(out, two));
        assertEquals(two, EconomyFiles.readStoredTargets(out, two));
    }

    @Test
    void otherTargetsKeepTheirRegionAndYear() throws java.io.IOException {
        Economy e = EconomyFiles.readTargets(targets("product,quantity,weight,region,year\n"
                + "grain,7,,south,2\nsteel,3,2,north,\n"), two());
        assertEquals(2, e.targets());
        assertEquals(1, e.parts().targetRegion(0));
        assertEquals(2, e.parts().targetYear(0));
        assertEquals(0, e.parts().targetRegion(1));
        assertEquals(0, e.parts().targetYear(1));
        assertEquals(2.0, e.targetWeight(1));
    }

    @Test
    void aTargetWithoutItsRepublicOrInAnUnknownOneOrYearIsRefusedWithItsLine() throws java.io.IOException {
        Economy two = two();
        error(assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(
                targets("product,quantity,weight\ngrain,150,\n"), two)), "t.csv:2", "needs a region");
        error(assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(
                targets("product,quantity,weight,region\ngrain,150,,nort\n"), two)), "t.csv:2", "unknown region 'nort'",
                "north");
        error(assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(
                targets("product,quantity,weight,region,year\ngrain,1,,north,3\n"), two)), "t.csv:2",
                "not one of the plan's years", "from 1 to 2");
        error(assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(
                targets("product,quantity,weight,region,year\ngrain,1,,north,\ngrain,2,,north,1\n"), two)), "t.csv:3",
                "targeted twice in region 'north'", "without a year holds every year");
        // the same product in two republics, or in two years, is two targets
        assertEquals(2, EconomyFiles.readTargets(
                targets("product,quantity,weight,region,year\ngrain,1,,north,1\ngrain,2,,north,2\n"), two).targets());
        assertEquals(2, EconomyFiles.readTargets(
                targets("product,quantity,weight,region\ngrain,1,,north\ngrain,2,,south\n"), two).targets());
    }

    @Test
    void targetsStoredBeforeTheyKeptTheirPlaceReadAsTheyWerePlanned() throws java.io.IOException {
        // the form a log holds from before: the region column written empty
        Economy e = EconomyFiles.readStoredTargets(targets("product,quantity,weight,region,year\ngrain,150,1,,\n"),
                two());
        assertEquals(1, e.targets());
        assertEquals(-1, e.parts().targetRegion(0));
        assertEquals(0, e.parts().targetYear(0));
    }

    @Test
    void anEconomyWithoutPartsReadsTargetsAsBefore() throws java.io.IOException {
        Economy plain = EconomyFiles.readEconomy(TestFiles.write(tmp.resolve("p.economy.json"), """
                {"format": "gosplan/economy@1", "name": "p", "products": [{"id": "a"}],
                 "techniques": [{"id": "t", "outputs": {"a": 1}}]}
                """));
        Economy e = EconomyFiles.readTargets(targets("product,quantity,weight\na,5,\n"), plain);
        assertEquals(Parts.NONE, e.parts());
        error(assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(
                targets("product,quantity,weight,region\na,5,,north\n"), plain)), "t.csv:2", "names no region");
    }
}
