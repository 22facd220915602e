package org.gosplan.app;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.TradeLicences;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gosplan record DIR licence}: a {@code trade.licensed} event (docs/republics-trade-years.md). */
@Command(name = "licence", description = {
        "Records a trade licence: the product may be imported (or exported), in a republic or by the whole economy,",
        "at most LIMIT a year (no --limit: within the economy's own trade limits).",
        "A plan on the record trades only in what is licensed: without a licence its imports and exports are 0, and",
        "'gosplan verify --replay' refuses a recorded plan that trades beyond the licences.",
        "The latest licence for a product, region and direction replaces the earlier ones; --limit 0 withdraws it.",
        "Operators and councils record licences; the product must be traded in that direction in the latest economy."})
final class LicenceCommand implements Callable<Integer> {
    @ParentCommand
    RecordCommand parent;

    @Parameters(paramLabel = "PRODUCT", description = "the product's id in the latest economy")
    String product;

    static final class Direction {
        @Option(names = "--import", required = true, description = "licenses imports of the product")
        boolean imports;

        @Option(names = "--export", required = true, description = "licenses exports of the product")
        boolean exports;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;

    @Option(names = "--region", paramLabel = "REPUBLIC", description = "the republic that trades (where trade.csv"
            + " names one)")
    String region;

    @Option(names = "--limit", paramLabel = "LIMIT", description = "the most a year, in the product's unit")
    Double limit;

    @Mixin
    RecordCommand.Signing signing;

    @Override
    public Integer call() throws IOException {
        if (limit != null && !(limit >= 0 && limit < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--limit " + limit + " must be a number at least 0 (0 withdraws the licence)");
        }
        try (Record rec = parent.open()) {
            var latest = rec.snapshot().economy();
            if (latest == null) {
                throw new UsageException("no economy is recorded yet; a licence names a product an economy trades:"
                        + " record one first with 'gosplan record DIR economy ECONOMY'");
            }
            check(rec.economy(latest.hash()));
            TradeLicences.Licence l = new TradeLicences.Licence(product, region, direction.imports,
                    limit == null ? Double.POSITIVE_INFINITY : limit);
            long i = rec.append(EventTypes.TRADE_LICENSED, TradeLicences.body(l), signing.signer(rec));
            return RecordCommand.report(signing, i, EventTypes.TRADE_LICENSED, null);
        }
    }

    /** Refuses a licence the latest economy could never use, so that a typing mistake is not recorded. */
    private void check(Economy e) {
        int p = e.productIndex(product);
        if (p < 0) {
            throw new UsageException("PRODUCT '" + product + "' is not a product of the latest recorded economy");
        }
        Parts parts = e.parts();
        int g = -1;
        if (region != null) {
            g = parts.regionIndex(region);
            if (g < 0) {
                throw new UsageException("--region " + region + ": " + (parts.isRegional()
                        ? "no such republic in the latest recorded economy" : "the latest recorded economy has no"
                        + " republics; leave out --region"));
            }
        }
        for (Parts.Trade t : parts.trade()) {
            if (t.product() == p && t.region() == g && (direction.imports ? t.imports() : t.exports())) {
                return;
            }
        }
        throw new UsageException("the latest recorded economy has no " + (direction.imports ? "import" : "export")
                + " price for '" + product + "'" + (region == null ? "" : " in " + region) + " (its trade.csv), so"
                + " no plan could use this licence");
    }
}
