package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Corrupted files: the readers either return a valid Source or throw EconomyException with
 * located errors; never another exception, never a hang.
 */
class FuzzTest {
    private static Path base;
    private static final Map<String, Map<String, byte[]>> FOLDERS = new LinkedHashMap<>();
    private static final Map<String, Map<String, byte[]>> TABLES = new LinkedHashMap<>();
    private static final Map<String, Map<String, byte[]>> DOWNLOADS = new LinkedHashMap<>();
    private static final List<byte[]> JSONS = new ArrayList<>();

    private static final byte[] SPECIAL = {',', '"', '\n', '\r', '-', 'e', '.', '0', ' ', '{', '}', '[', ']', ':', 0,
        (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0xFF};

    @BeforeContainer
    static void bases() {
        base = TestFiles.tempDir();
        FOLDERS.put("example", files(Fixtures.folder(base.resolve("f1"))));
        Path leontief = base.resolve("leontief");
        EconomyFiles.writeFolder(EconomyFiles.readEconomy(RealDataTest.leontief()), leontief);
        FOLDERS.put("leontief", files(leontief));
        Random r = new Random(42);
        for (int i = 0; i < 3; i++) {
            Path f = base.resolve("random" + i);
            EconomyFiles.writeFolder(RandomEconomies.economy(r), f);
            FOLDERS.put("random" + i, files(f));
        }
        // the optional parts of section 5: regions, transport, trade, years, capital, stocks
        Path two = TestFiles.write(base.resolve("two.economy.json"), PartsTest.TWO_REPUBLICS);
        JSONS.add(TestFiles.readBytes(two));
        EconomyFiles.writeFolder(EconomyFiles.readEconomy(two), base.resolve("two"));
        FOLDERS.put("two-republics", files(base.resolve("two")));
        for (int i = 0; i < 2; i++) {
            Path f = base.resolve("parts" + i);
            Economy e = RandomParts.economy(r);
            EconomyFiles.writeFolder(e, f);
            FOLDERS.put("parts" + i, files(f));
            EconomyFiles.writeJson(e, base.resolve("parts" + i + ".economy.json"));
            JSONS.add(TestFiles.readBytes(base.resolve("parts" + i + ".economy.json")));
        }
        TABLES.put("three", files(Fixtures.table(base.resolve("t1"))));
        TABLES.put("miller-blair", files(RealDataTest.millerBlair()));
        Map<String, byte[]> pymrio = files(MrioImportTest.pymrio());
        pymrio.keySet().removeIf(name -> !name.endsWith(".txt") && !name.endsWith(".json")
                || name.startsWith("reference/"));
        DOWNLOADS.put("pymrio", pymrio);
        DOWNLOADS.put("icio", ordered("t.csv", MrioImportTest.ICIO_2018, "table.json", "{\"format\": \"oecd-icio\"}"));
        DOWNLOADS.put("semicolons", ordered("Z.csv", "sector;a;b\na;1,5;2\nb;;3\n",
                "Y.csv", "sector;hh\na;\"1.000,5\"\nb;20\n", "F.csv", "factor;a;b\nco2;0,5;\n"));
        JSONS.add(Fixtures.ECONOMY_JSON.getBytes(StandardCharsets.UTF_8));
        JSONS.add(TestFiles.readBytes(RealDataTest.leontief()));
        for (int i = 0; i < 3; i++) {
            Path f = base.resolve("r" + i + ".economy.json");
            EconomyFiles.writeJson(RandomEconomies.economy(r), f);
            JSONS.add(TestFiles.readBytes(f));
        }
    }

    @AfterContainer
    static void clean() {
        TestFiles.deleteTree(base);
    }

    /** Files by name, in a fixed order (so that a seed replays the same corruption). */
    private static Map<String, byte[]> ordered(String... nameThenContent) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            m.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The files of a folder and its sub-folders, by their path relative to it. */
    private static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (var s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).sorted().forEach(p ->
                    m.put(folder.relativize(p).toString().replace('\\', '/'), TestFiles.readBytes(p)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    /** 1 to 4 random corruptions: bit flips, deletions, insertions of CSV/JSON syntax, truncation. */
    static byte[] corrupt(byte[] in, Random r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(6)) {
                case 0:
                    if (at < b.length) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                    break;
                case 1:
                    if (at < b.length) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
                    break;
                case 2:
                case 3: {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = SPECIAL[r.nextInt(SPECIAL.length)];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                    break;
                }
                case 4:
                    if (at < b.length) {
                        b[at] = (byte) r.nextInt(256);
                    }
                    break;
                default:
                    b = Arrays.copyOf(b, at);
                    break;
            }
        }
        return b;
    }

    /** Reads, allowing only success or EconomyException; a success must survive a JSON round trip. */
    static String readsOrRejects(Path path) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Source s;
            try {
                s = EconomyFiles.read(path, Progress.NONE);
            } catch (EconomyException e) {
                assertFalse(e.errors().isEmpty(), "an EconomyException without errors");
                for (Problem p : e.errors()) {
                    assertFalse(p.where().isEmpty(), () -> "error without a place: " + p);
                    assertFalse(p.message().isEmpty(), () -> "error without a message: " + p);
                }
                return "rejected";
            }
            assertNotNull(s.economy());
            Path out = path.resolveSibling(path.getFileName() + "-back.economy.json");
            EconomyFiles.writeJson(s.economy(), out);
            RoundTripTest.assertSame(s.economy(), EconomyFiles.readEconomy(out));
            return "accepted";
        });
    }

    private static void corruptFolder(Map<String, Map<String, byte[]>> bases, Random r) {
        List<Map<String, byte[]>> all = new ArrayList<>(bases.values());
        Map<String, byte[]> files = all.get(r.nextInt(all.size()));
        List<String> names = new ArrayList<>(files.keySet());
        String victim = names.get(r.nextInt(names.size()));
        Path dir = TestFiles.tempDir();
        try {
            Path folder = dir.resolve("f");
            folder.toFile().mkdirs();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.createDirectories(folder.resolve(e.getKey()).getParent());
                TestFiles.writeBytes(folder.resolve(e.getKey()),
                        e.getKey().equals(victim) ? corrupt(e.getValue(), r) : e.getValue());
            }
            Statistics.collect(readsOrRejects(folder));
        } catch (AssertionError | RuntimeException | java.io.IOException e) {
            throw new AssertionError("corrupting " + victim + ": " + e, e);
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 400)
    void corruptedEconomyFolders(@ForAll Random r) {
        // both outcomes must occur, or the corruptions are too gentle or too harsh to test anything
        Statistics.coverage(c -> {
            c.check("accepted").percentage(pc -> pc >= 2);
            c.check("rejected").percentage(pc -> pc >= 30);
        });
        corruptFolder(FOLDERS, r);
    }

    @Property(tries = 300)
    void corruptedTables(@ForAll Random r) {
        // both outcomes must occur, or the corruptions are too gentle or too harsh to test anything
        Statistics.coverage(c -> {
            c.check("accepted").percentage(pc -> pc >= 2);
            c.check("rejected").percentage(pc -> pc >= 30);
        });
        corruptFolder(TABLES, r);
    }

    @Property(tries = 300)
    void corruptedDownloadedTables(@ForAll Random r) {
        // pymrio folders, an ICIO file, a semicolon table: read or rejected with located errors, never a crash
        Statistics.coverage(c -> {
            c.check("accepted").percentage(pc -> pc >= 2);
            c.check("rejected").percentage(pc -> pc >= 30);
        });
        corruptFolder(DOWNLOADS, r);
    }

    @Property(tries = 400)
    void corruptedEconomyJson(@ForAll Random r) {
        // both outcomes must occur, or the corruptions are too gentle or too harsh to test anything
        Statistics.coverage(c -> {
            c.check("accepted").percentage(pc -> pc >= 0.5);
            c.check("rejected").percentage(pc -> pc >= 30);
        });
        Path dir = TestFiles.tempDir();
        try {
            Path file = dir.resolve("x.economy.json");
            TestFiles.writeBytes(file, corrupt(JSONS.get(r.nextInt(JSONS.size())), r));
            Statistics.collect(readsOrRejects(file));
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 300)
    void truncatedEconomyJsonIsAlwaysRejected(@ForAll Random r) {
        byte[] full = JSONS.get(r.nextInt(JSONS.size()));
        int end = new String(full, StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8).length;
        int cut = r.nextInt(end); // always before the closing brace
        Path dir = TestFiles.tempDir();
        try {
            Path file = dir.resolve("x.economy.json");
            TestFiles.writeBytes(file, Arrays.copyOf(full, cut));
            try {
                EconomyFiles.read(file, Progress.NONE);
                fail("a JSON file cut at byte " + cut + " was accepted");
            } catch (EconomyException e) {
                assertEquals(1, e.errors().size(), e.getMessage());
                String where = e.errors().get(0).where();
                assertTrue(Pattern.matches("x\\.economy\\.json:\\d+(:\\d+)?", where), where);
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }
}
