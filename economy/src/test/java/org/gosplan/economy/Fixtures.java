package org.gosplan.economy;

import java.nio.file.Path;

/** Small hand-written economies and tables in every form, the ones of formats.md. */
final class Fixtures {
    private Fixtures() {}

    static final String ECONOMY_JSON = "{\n"
            + "  \"format\": \"gosplan/economy@1\",\n"
            + "  \"name\": \"Example\",\n"
            + "  \"products\":  [ {\"id\": \"grain\", \"unit\": \"t\", \"name\": \"Grain\"},\n"
            + "                 {\"id\": \"tractor\", \"unit\": \"pcs\"} ],\n"
            + "  \"resources\": [ {\"id\": \"labour\", \"unit\": \"h\", \"available\": 1.0e6},\n"
            + "                 {\"id\": \"land\", \"unit\": \"ha\", \"available\": 5.0e4} ],\n"
            + "  \"techniques\": [\n"
            + "    {\"id\": \"grain-farm\",\n"
            + "     \"outputs\": {\"grain\": 1.0},\n"
            + "     \"inputs\":  {\"tractor\": 0.001, \"labour\": 3.0, \"land\": 0.2},\n"
            + "     \"capacity\": 4.0e5},\n"
            + "    {\"id\": \"tractor-plant\",\n"
            + "     \"outputs\": {\"tractor\": 1.0},\n"
            + "     \"inputs\":  {\"labour\": 400.0}}\n"
            + "  ],\n"
            + "  \"targets\": [ {\"product\": \"grain\", \"quantity\": 1.0e5} ]\n"
            + "}\n";

    static final String META = "{\"format\": \"gosplan/economy@1\", \"name\": \"Example\"}\n";
    static final String PRODUCTS = "id,unit,name\ngrain,t,Grain\ntractor,pcs,\n";
    static final String RESOURCES = "id,unit,available\nlabour,h,1e6\nland,ha,50000\n";
    static final String TECHNIQUES = "id,capacity\ngrain-farm,4.0e5\ntractor-plant,\n";
    static final String FLOWS = "technique,item,quantity\n"
            + "grain-farm,grain,1\n"          // line 2
            + "grain-farm,tractor,-0.001\n"   // line 3
            + "grain-farm,labour,-3\n"        // line 4
            + "grain-farm,land,-0.2\n"        // line 5
            + "tractor-plant,tractor,1.0\n"   // line 6
            + "tractor-plant,labour,-400\n";  // line 7
    static final String TARGETS = "product,quantity,weight\ngrain,100000,\n";

    /** The JSON example of formats.md section 1, as a file in {@code dir}. */
    static Path json(Path dir) {
        return TestFiles.write(dir.resolve("example.economy.json"), ECONOMY_JSON);
    }

    /** The same economy as a folder (section 2). */
    static Path folder(Path dir) {
        Path f = dir.resolve("example");
        TestFiles.write(f.resolve("economy.json"), META);
        TestFiles.write(f.resolve("products.csv"), PRODUCTS);
        TestFiles.write(f.resolve("resources.csv"), RESOURCES);
        TestFiles.write(f.resolve("techniques.csv"), TECHNIQUES);
        TestFiles.write(f.resolve("flows.csv"), FLOWS);
        TestFiles.write(f.resolve("targets.csv"), TARGETS);
        return f;
    }

    static final String Z = "sector,a,b,c\na,10,20,0\nb,5,0,30\nc,0,1.5,2\n";
    static final String Y = "sector,households,exports\na,70,0\nb,40,25\nc,-3,1\n";
    static final String X = "sector,output\na,100\nb,100\nc,200\n";
    static final String F = "factor,a,b,c\nhours,10,20,30\ntaxes,1,-2,0\n";

    /** A three-sector table with every optional file. */
    static Path table(Path dir) {
        Path f = dir.resolve("table");
        TestFiles.write(f.resolve("Z.csv"), Z);
        TestFiles.write(f.resolve("Y.csv"), Y);
        TestFiles.write(f.resolve("x.csv"), X);
        TestFiles.write(f.resolve("F.csv"), F);
        TestFiles.write(f.resolve("table.json"), "{\"format\": \"gosplan/io-table@1\", \"name\": \"three\","
                + " \"unit\": \"EUR\", \"factorUnits\": {\"hours\": \"h\"}}\n");
        return f;
    }
}
