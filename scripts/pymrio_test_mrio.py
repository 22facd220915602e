#!/usr/bin/env python3
"""Writes examples/pymrio-test-mrio: pymrio's small test MRIO as pymrio's save_all writes it,
and pymrio's own results for it in reference/, against which Gosplan's import is tested.

Needs pymrio (tested with the source at IndEcol/pymrio commit 89c9b97, pandas 2.2.3, numpy 2.1).
Run from the repository root:  python3 scripts/pymrio_test_mrio.py

The folder holds what a user has after `mrio = pymrio.load_test(); mrio.calc_all()` and saving
the flows: Z, Y, x, unit and the two extensions' F (and emissions' F_Y) with their units. The
coefficients pymrio derives (A, L, S, M, D_*) are left out of the folder (they would only be
read back), except for the figures in reference/, which the tests compare with:
  reference/output_multipliers.txt  column sums of pymrio's L
  reference/M_factor_inputs.txt     pymrio's M (total intensities, S L) of factor_inputs
  reference/M_emissions.txt         pymrio's M of emissions
"""
import shutil
from pathlib import Path

import pymrio

out = Path("examples/pymrio-test-mrio")
full = pymrio.load_test()
full.calc_all()

flows = pymrio.load_test()
flows.x = full.x
for f in ["Z.txt", "Y.txt", "x.txt", "unit.txt", "population.txt", "metadata.json", "file_parameters.json",
          "factor_inputs", "emissions", "reference"]:
    p = out / f
    if p.is_dir():
        shutil.rmtree(p)
    elif p.exists():
        p.unlink()
flows.save_all(out)

ref = out / "reference"
ref.mkdir()
full.L.sum(axis=0).rename("output_multiplier").to_frame().to_csv(ref / "output_multipliers.txt", sep="\t",
                                                                  float_format="%.12g")
full.factor_inputs.M.to_csv(ref / "M_factor_inputs.txt", sep="\t", float_format="%.12g")
full.emissions.M.to_csv(ref / "M_emissions.txt", sep="\t", float_format="%.12g")

# The same system in the OECD ICIO layout (one wide CSV; docs/tables.md), written by pandas, so
# that the ICIO reader is tested on a file it did not write against the same reference: rows
# are the region_sector codes, then TLS (zero here), VA and OUT; columns the codes, then
# region_CATEGORY final demand with ICIO's category codes, then OUT.
codes = {
    "Final consumption expenditure by households": "HFCE",
    "Final consumption expenditure by non-profit organisations serving households (NPISH)": "NPISH",
    "Final consumption expenditure by government": "GGFC",
    "Gross fixed capital formation": "GFCF",
    "Changes in inventories": "INVNT",
    "Changes in valuables": "VALUABLES",
    "Export": "EXPORT",
}
label = lambda t: f"{t[0]}_{t[1]}"
Z = full.Z.copy()
Z.index = [label(t) for t in Z.index]
Z.columns = [label(t) for t in Z.columns]
Y = full.Y.copy()
Y.index = Z.index
Y.columns = [f"{r}_{codes[c]}" for r, c in Y.columns]
wide = Z.join(Y)
wide["OUT"] = full.x["indout"].to_numpy()
va = full.factor_inputs.F.loc["Value Added"].to_numpy()
rows = {"TLS": [0.0] * len(Z.columns), "VA": va, "OUT": full.x["indout"].to_numpy()}
for name, values in rows.items():
    wide.loc[name] = list(values) + [0.0] * (wide.shape[1] - len(values))
wide.index.name = "V1"
wide.to_csv(ref / "testmrio-icio.csv", float_format="%.12g")
