package org.gosplan.economy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional parts (formats.md section 5) in the folder form: {@code regions.csv},
 * {@code capital.csv}, {@code transport.csv}, {@code trade.csv} and {@code stocks.csv}, each
 * optional; the extra columns of the other files are read by {@link EconomyFolder}.
 */
final class PartsFolder {
    private PartsFolder() {}

    private static final String[] REGION_COLUMNS = {"id", "name"};
    private static final String[] CAPITAL_COLUMNS = {"product", "depreciation", "lag"};
    private static final String[] TRANSPORT_COLUMNS = {"id", "product", "from", "to", "loss", "capacity"};
    private static final String[] TRADE_COLUMNS = {"product", "region", "import_price", "export_price",
        "import_limit", "export_limit"};
    private static final String[] STOCK_COLUMNS = {"product", "quantity", "region"};

    /** One row's values: text by column (null where the column is absent or the field empty). */
    private interface Row {
        void read(CsvReader csv, Header h) throws IOException;
    }

    private static void rows(Path folder, String file, String[] columns, boolean[] required, Problems problems,
                             Row row) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, file, problems, false)) {
            if (csv == null) {
                return;
            }
            Header h = Header.read(csv, columns, required, problems);
            if (h == null) {
                return;
            }
            while (csv.next() && !problems.full()) {
                if (EconomyFolder.width(csv, h, problems)) {
                    row.read(csv, h);
                }
            }
        }
    }

    private static boolean[] firstRequired(int n, int required) {
        boolean[] r = new boolean[n];
        for (int i = 0; i < required; i++) {
            r[i] = true;
        }
        return r;
    }

    static String text(CsvReader csv, Header h, int c) {
        int f = h.at(c);
        return f < 0 || csv.isEmpty(f) ? null : csv.text(f);
    }

    /** A number, NaN when the column is absent or the field empty; an error (and NaN) when it is not a number. */
    static double number(CsvReader csv, Header h, int c, String what, Problems problems) {
        int f = h.at(c);
        if (f < 0 || csv.isEmpty(f)) {
            return Double.NaN;
        }
        double v = csv.number(f);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            problems.error(csv.where(), what + " '" + csv.text(f) + "' is not a number; write a decimal number such"
                    + " as 1500 or 0.05, or leave it empty");
            return Double.NaN;
        }
        return v;
    }

    static void readRegions(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        rows(folder, "regions.csv", REGION_COLUMNS, firstRequired(2, 1), problems, (csv, h) -> {
            String id = csv.text(h.at(0));
            String p = Ids.problem(id);
            if (p != null) {
                problems.error(csv.where(), p);
            } else if (b.parts().addRegion(id, text(csv, h, 1)) < 0) {
                problems.error(csv.where(), "region '" + id + "' is listed twice; ids must be unique");
            }
        });
    }

    static void readCapital(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        rows(folder, "capital.csv", CAPITAL_COLUMNS, firstRequired(3, 1), problems, (csv, h) ->
                PartsRows.capital(b, text(csv, h, 0), number(csv, h, 1, "depreciation", problems),
                        number(csv, h, 2, "lag", problems), m -> problems.error(csv.where(), m)));
    }

    static void readTransport(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        rows(folder, "transport.csv", TRANSPORT_COLUMNS, firstRequired(6, 4), problems, (csv, h) ->
                PartsRows.transport(b, text(csv, h, 0), text(csv, h, 1), text(csv, h, 2), text(csv, h, 3),
                        number(csv, h, 4, "loss", problems), number(csv, h, 5, "capacity", problems),
                        m -> problems.error(csv.where(), m)));
    }

    static void readTrade(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        rows(folder, "trade.csv", TRADE_COLUMNS, firstRequired(6, 1), problems, (csv, h) ->
                PartsRows.trade(b, text(csv, h, 0), text(csv, h, 1), number(csv, h, 2, "import price", problems),
                        number(csv, h, 3, "export price", problems), number(csv, h, 4, "import limit", problems),
                        number(csv, h, 5, "export limit", problems), m -> problems.error(csv.where(), m)));
    }

    static void readStocks(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        rows(folder, "stocks.csv", STOCK_COLUMNS, firstRequired(3, 2), problems, (csv, h) -> {
            double q = number(csv, h, 1, "quantity", problems);
            if (Double.isNaN(q) && text(csv, h, 1) == null) {
                problems.error(csv.where(), "a stock needs a quantity (>= 0)");
                return;
            }
            PartsRows.stock(b, text(csv, h, 0), text(csv, h, 2), q, m -> problems.error(csv.where(), m));
        });
    }

    // ---- writing: only the files of the parts the economy has

    static void write(Economy e, Path folder) throws IOException {
        Parts parts = e.parts();
        if (parts.isRegional()) {
            try (Writer w = EconomyFolder.writer(folder, "regions.csv")) {
                w.write("id,name\n");
                for (Parts.Region r : parts.regions()) {
                    EconomyFolder.row(w, r.id(), r.name());
                }
            }
        }
        if (!parts.capital().isEmpty()) {
            try (Writer w = EconomyFolder.writer(folder, "capital.csv")) {
                w.write("product,depreciation,lag\n");
                for (Parts.Capital c : parts.capital()) {
                    EconomyFolder.row(w, e.productId(c.product()), Numbers.format(c.depreciation()),
                            Integer.toString(c.lag()));
                }
            }
        }
        if (!parts.transport().isEmpty()) {
            try (Writer w = EconomyFolder.writer(folder, "transport.csv")) {
                w.write("id,product,from,to,loss,capacity\n");
                for (Parts.Transport l : parts.transport()) {
                    EconomyFolder.row(w, l.id(), e.productId(l.product()), parts.regionId(l.from()),
                            parts.regionId(l.to()), Numbers.format(l.loss()), finite(l.capacity()));
                }
            }
        }
        if (!parts.trade().isEmpty()) {
            try (Writer w = EconomyFolder.writer(folder, "trade.csv")) {
                w.write("product,region,import_price,export_price,import_limit,export_limit\n");
                for (Parts.Trade t : parts.trade()) {
                    EconomyFolder.row(w, e.productId(t.product()), parts.regionId(t.region()), finite(t.importPrice()),
                            finite(t.exportPrice()), finite(t.importLimit()), finite(t.exportLimit()));
                }
            }
        }
        if (!parts.stocks().isEmpty()) {
            try (Writer w = EconomyFolder.writer(folder, "stocks.csv")) {
                w.write(parts.isRegional() ? "product,quantity,region\n" : "product,quantity\n");
                for (Parts.Stock s : parts.stocks()) {
                    List<String> fields = new ArrayList<>(List.of(e.productId(s.product()),
                            Numbers.format(s.quantity())));
                    if (parts.isRegional()) {
                        fields.add(parts.regionId(s.region()));
                    }
                    EconomyFolder.row(w, fields.toArray(new String[0]));
                }
            }
        }
    }

    /** The number, or null (an empty field) when it is NaN or infinite. */
    static String finite(double v) {
        return Double.isFinite(v) ? Numbers.format(v) : null;
    }

    /** The fields of economy.json beyond format and name. */
    static String meta(Parts parts) {
        StringBuilder s = new StringBuilder();
        if (parts.currency() != null) {
            s.append(",\n  \"currency\": ").append(EconomyJson.quote(parts.currency()));
        }
        if (parts.tradeBalance() != 0) {
            s.append(",\n  \"tradeBalance\": ").append(Numbers.format(parts.tradeBalance()));
        }
        if (parts.years() > 0) {
            s.append(",\n  \"years\": ").append(parts.years());
        }
        return s.toString();
    }
}
