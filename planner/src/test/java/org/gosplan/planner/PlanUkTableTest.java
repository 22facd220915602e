package org.gosplan.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.leontief.LeontiefTestData;
import org.junit.jupiter.api.Test;

/** min-resource on compensation over the UK 2010 table: valuations = total intensities of compensation. */
class PlanUkTableTest {

    static Path shared() {
        return LeontiefTestData.data().getParent();
    }

    @Test
    void minCompensationValuationsAreTheTotalIntensities() throws IOException {
        Path dir = shared().resolve("data/uk-ons-2010");
        IoTable table = EconomyFiles.readTable(dir);
        Economy e = EconomyFiles.readEconomy(dir);
        int n = table.sectors();
        // independent reference: s (I - A)^-1 by dense LU
        SparseMatrix a = table.coefficients();
        DMatrixRMaj ia = CommonOps_DDRM.identity(n);
        for (int j = 0; j < n; j++) {
            for (int k = a.columnStarts()[j]; k < a.columnStarts()[j + 1]; k++) {
                ia.add(a.rowIndexes()[k], j, -a.values()[k]);
            }
        }
        int f = table.factorIndex("compensation");
        double[][] s = table.factorIntensities();
        DMatrixRMaj sv = new DMatrixRMaj(n, 1, true, s[f]);
        DMatrixRMaj iat = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(ia, iat);
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(iat, sv, v));

        // published employment-cost effects (ONS), same row order
        List<String> lines = Files.readAllLines(dir.resolve("published/multipliers_and_effects_product.csv"));
        for (PlanMethod m : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX}) {
            Plan p = Planner.plan(e, PlanOptions.minResource("compensation").withMethod(m));
            assertEquals(PlanStatus.OPTIMAL, p.status(), p.toString());
            if (m == PlanMethod.AUTO) {
                assertEquals("policy-iteration", p.solver().method());
            }
            for (int i = 0; i < n; i++) {
                int q = e.productIndex(table.sector(i));
                assertEquals(v.get(i), p.valuation(q), 1e-12 * Math.max(1, v.get(i)), m.id() + " " + table.sector(i));
                String[] cols = lines.get(1 + i).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                assertEquals(Double.parseDouble(cols[7]), p.valuation(q), 1e-9, table.sector(i));
            }
            // the value: compensation embodied in final demand = Σ v_p y_p
            double total = 0;
            double[] y = e.finalDemand();
            for (int q = 0; q < n; q++) {
                total += p.valuation(q) * y[q];
            }
            assertEquals(total, p.value(), 1e-9 * total);
            assertTrue(p.certificate().gap() <= 1e-12, p.certificate().toString());
        }
    }
}
