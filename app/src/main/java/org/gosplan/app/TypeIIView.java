package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gosplan.economy.Ids;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.analysis.HouseholdsClosed;
import org.gosplan.planner.leontief.LeontiefOptions;

/** {@code gosplan multipliers --type-ii}: Type I and Type II multipliers with households closed into the table. */
final class TypeIIView {
    private TypeIIView() {}

    static int print(Path path, String row, String column, Double income, LeontiefOptions options, boolean json)
            throws IOException {
        IoTable t = AnalysisInputs.table(path, "multipliers --type-ii");
        Map<String, String> labels = AnalysisInputs.labels(t);
        // named by the option, and among the table's factors whatever file they came from (a pymrio
        // folder's factor_inputs/ and extensions, an ICIO file's rows): not "in F.csv"
        if (t.factorIndex(row) < 0) {
            String near = Ids.didYouMean(row, t.factors(), t::factor);
            throw new UsageException("--households-row " + row + ": the table has no factor row '" + row + "'"
                    + (near.isEmpty() ? "; its factor rows are " + String.join(", ", AnalysisInputs.ids(t.factors(),
                    t::factor)) + "; pass --households-row with the row of household income" : near));
        }
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, row, column, income == null ? Double.NaN : income, options);
        String[] ids = r.sectors();
        int n = ids.length;
        double[] incomeI = new double[n];
        double[] incomeII = new double[n];
        for (int j = 0; j < n; j++) {
            incomeI[j] = r.incomeTypeI(j);
            incomeII[j] = r.incomeTypeII(j);
        }
        if (json) {
            ObjectNode doc = Json.object();
            ObjectNode out = doc.putObject("output");
            AnalysisJson.putBySector(out, "typeI", ids, r.outputTypeI());
            AnalysisJson.putBySector(out, "typeII", ids, r.outputTypeII());
            ObjectNode hh = doc.putObject("households");
            hh.put("row", row);
            hh.put("column", column);
            if (income != null) {
                hh.put("income", income);
            }
            AnalysisJson.putBySector(hh, "direct", ids, r.householdRow());
            AnalysisJson.putBySector(hh, "typeIEffects", ids, r.incomeTypeIEffects());
            AnalysisJson.putBySector(hh, "typeIIEffects", ids, r.householdIncome());
            AnalysisJson.putBySector(hh, "typeI", ids, incomeI);
            AnalysisJson.putBySector(hh, "typeII", ids, incomeII);
            ObjectNode factors = doc.putObject("factors");
            for (int f = 0; f < r.factors().length; f++) {
                ObjectNode o = factors.putObject(r.factors()[f]);
                double[] m1 = new double[n];
                double[] m2 = new double[n];
                for (int j = 0; j < n; j++) {
                    m1[j] = r.typeI(f, j);
                    m2[j] = r.typeII(f, j);
                }
                AnalysisJson.putBySector(o, "typeIEffects", ids, r.typeIEffects()[f]);
                AnalysisJson.putBySector(o, "typeIIEffects", ids, r.typeIIEffects()[f]);
                AnalysisJson.putBySector(o, "typeI", ids, m1);
                AnalysisJson.putBySector(o, "typeII", ids, m2);
            }
            AnalysisJson.put(doc, "residual", r.residual());
            AnalysisJson.putLabels(doc, labels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        TextTable table = TextTable.bySector(labels, "output I", "output II", "income I", "income II", "income mult I",
                "income mult II");
        for (int j = 0; j < n; j++) {
            table.sector(ids[j], TextTable.f4(r.outputTypeI()[j]), TextTable.f4(r.outputTypeII()[j]),
                    TextTable.f4(r.incomeTypeIEffects()[j]), TextTable.f4(r.householdIncome()[j]),
                    TextTable.f4(incomeI[j]), TextTable.f4(incomeII[j]));
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        table.print(w);
        w.newLine();
        w.write("Households closed into the table: their row is '" + row + "' per unit of output, their column '" + column
                + "' per unit of household income");
        w.newLine();
        w.write(income == null ? "(the total of '" + row + "')." : String.format(java.util.Locale.ROOT, "(%s).",
                TextTable.money(income)));
        w.newLine();
        w.write("output I, II: column sums of L and of the closed inverse over the sectors; income I, II: household income"
                + " per unit of final demand;");
        w.newLine();
        w.write("income mult: those over the direct income per unit of output ('-' where a sector pays none). Every"
                + " factor's Type I and II are in --json.");
        w.newLine();
        w.flush();
        return ExitCode.OK;
    }
}
