#!/usr/bin/env python3
"""Builds examples/usa-uk-republics.economy.json: the USA (WIOD 2014) and the UK (ONS 2010) as two
republics of one economy, each table aggregated to six groups of NACE sections, with transport
between them and foreign trade with the rest of the world. Documented in docs/republics-trade-years.md.

    python3 scripts/two_republics_example.py        (from the repository root; runs ./gosplan)

Technical coefficients (input per unit of output, labour cost per unit of output) are ratios of
money to money and so the same in any currency; the UK's final demand and wages are turned into
US dollars at 1.546 USD/GBP (the 2010 average). It is a demonstration of the format on real
technical coefficients, not a model of the two countries: their years differ (2014 and 2010),
and the transport, world prices and limits below are made up."""
import json
import subprocess
import tempfile
from pathlib import Path

GROUPS = [("agriculture", "Agriculture, forestry, fishing (NACE A)"),
          ("energy", "Mining, energy, water, waste (NACE B, D, E)"),
          ("manufacturing", "Manufacturing (NACE C)"),
          ("construction", "Construction (NACE F)"),
          ("trade-transport", "Trade, transport, hospitality (NACE G, H, I)"),
          ("services", "Other services (NACE J to U)")]
USD_PER_GBP = 1.546


def group_of_division(d):
    if d <= 3:
        return "agriculture"
    if d <= 9 or 35 <= d <= 39:
        return "energy"
    if d <= 33:
        return "manufacturing"
    if d <= 43:
        return "construction"
    if d <= 56:
        return "trade-transport"
    return "services"


def group_of_wiod(code):
    letter = code[0]
    return {"A": "agriculture", "B": "energy", "C": "manufacturing", "D": "energy", "E": "energy",
            "F": "construction", "G": "trade-transport", "H": "trade-transport", "I": "trade-transport"}.get(
        letter, "services")


def group_of_uk(code):
    return group_of_division(int(code.split("_")[-1][:2]))


def sectors(table):
    return [line.split(",")[0] for line in (table / "Z.csv").read_text().splitlines()[1:]]


def gosplan(*args):
    subprocess.run(["./gosplan", *args], check=True, stdout=subprocess.DEVNULL)


def aggregated_economy(table, group_of, tmp, name):
    m = tmp / f"{name}-map.csv"
    m.write_text("sector,group\n" + "".join(f"{s},{group_of(s)}\n" for s in sectors(table)))
    gosplan("aggregate", f"--map={m}", str(table), str(tmp / name))
    gosplan("convert", str(tmp / name), str(tmp / f"{name}.economy.json"))
    return json.loads((tmp / f"{name}.economy.json").read_text())


def main():
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        usa = aggregated_economy(Path("examples/usa-wiod-2014"), group_of_wiod, tmp, "usa")
        uk = aggregated_economy(Path("examples/uk-ons-2010"), group_of_uk, tmp, "uk")
    economy = {"format": "gosplan/economy@1",
               "name": "USA (WIOD 2014) and UK (ONS 2010) as two republics, six groups of sectors",
               "currency": "USD million", "tradeBalance": 0,
               "regions": [{"id": "usa", "name": "United States (WIOD 2014)"},
                           {"id": "uk", "name": "United Kingdom (ONS 2010)"}],
               "products": [{"id": g, "unit": "USD million", "name": label} for g, label in GROUPS],
               "resources": [], "techniques": [], "transport": [], "targets": [], "trade": []}
    for region, e, scale in (("usa", usa, 1.0), ("uk", uk, USD_PER_GBP)):
        # labour: its cost, compensation of employees, limited to what the table records
        wages = {t["id"]: t["inputs"].get("compensation", 0) for t in e["techniques"]}
        gross = {}
        for t in e["targets"]:
            gross[t["product"]] = t["quantity"]
        labour = f"labour-{region}"
        economy["resources"].append({"id": labour, "unit": "USD million", "region": region})
        for t in e["techniques"]:
            inputs = {k: v for k, v in t["inputs"].items() if k in dict(GROUPS)}
            inputs[labour] = wages[t["id"]]
            economy["techniques"].append({"id": f"{t['id']}-{region}", "outputs": t["outputs"], "inputs": inputs,
                                          "region": region})
        for t in e["targets"]:
            economy["targets"].append({"product": t["product"], "quantity": round(t["quantity"] * scale, 3),
                                       "region": region})
        economy[f"_{region}_scale"] = scale
    # labour available: what the targets need with today's technology (λ = 1 alone, before trade), from a plan of
    # each republic alone with labour unlimited would be circular; the tables' own totals are used instead
    for region, table, scale in (("usa", "examples/usa-wiod-2014", 1.0), ("uk", "examples/uk-ons-2010", USD_PER_GBP)):
        f = Path(table, "F.csv").read_text().splitlines()
        row = next(line for line in f if line.startswith("compensation,"))
        total = sum(float(v) for v in row.split(",")[1:] if v)
        for r in economy["resources"]:
            if r["id"] == f"labour-{region}":
                r["available"] = round(total * scale, 3)
        del economy[f"_{region}_scale"]
    for product in ("agriculture", "manufacturing"):
        for a, b in (("usa", "uk"), ("uk", "usa")):
            economy["transport"].append({"id": f"ship-{product}-{a}-{b}", "product": product, "from": a, "to": b,
                                         "loss": 0.01, "inputs": {"trade-transport": 0.05}})
    # the rest of the world: energy imported, manufactures and services exported, within limits
    for region, limit in (("usa", 200000), ("uk", 40000)):
        economy["trade"].append({"product": "energy", "region": region, "importPrice": 1.1, "importLimit": limit})
        economy["trade"].append({"product": "manufacturing", "region": region, "exportPrice": 0.95,
                                 "exportLimit": limit})
        economy["trade"].append({"product": "services", "region": region, "exportPrice": 0.9,
                                 "exportLimit": limit / 2})
    Path("examples/usa-uk-republics.economy.json").write_text(json.dumps(economy, indent=2) + "\n")
    print("wrote examples/usa-uk-republics.economy.json")


if __name__ == "__main__":
    main()
