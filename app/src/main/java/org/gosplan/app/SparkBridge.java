package org.gosplan.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;

/**
 * The {@code --spark MASTER} option of leontief, multipliers and plan: the spark module's
 * {@code org.gosplan.spark.LocalBridge}, found by name at run time. The app does not depend on
 * that module, so no other command loads Spark; the gosplan launcher puts the module and Spark on
 * the class path only when {@code --spark} is given (spark.md).
 */
final class SparkBridge {
    private SparkBridge() {}

    static final String CLASS = "org.gosplan.spark.LocalBridge";

    static LeontiefSolution leontief(String master, Object economyOrTable, double[] y, double tolerance) {
        return (LeontiefSolution) call("leontief", new Class<?>[] {String.class, Object.class, double[].class,
                double.class}, master, economyOrTable, y, tolerance);
    }

    static Multipliers multipliers(String master, Object economyOrTable, LeontiefOptions options) {
        return (Multipliers) call("multipliers", new Class<?>[] {String.class, Object.class, LeontiefOptions.class},
                master, economyOrTable, options);
    }

    static Plan plan(String master, Economy e, PlanOptions options) {
        return (Plan) call("plan", new Class<?>[] {String.class, Economy.class, PlanOptions.class}, master, e, options);
    }

    /** Checks the master before anything is read: local, local[N], local[*], spark://, k8s://, yarn. */
    static String master(String master) {
        if (master == null) {
            return null;
        }
        if (!master.matches("local(\\[(\\d+|\\*)\\])?|spark://.+|k8s://.+|yarn")) {
            throw new UsageException("--spark " + master + ": give a Spark master such as local[4], local[*] or"
                    + " spark://HOST:7077");
        }
        return master;
    }

    private static Object call(String name, Class<?>[] types, Object... args) {
        Method m;
        try {
            m = Class.forName(CLASS).getMethod(name, types);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new UsageException("--spark needs the spark module and Spark on the class path: run the gosplan"
                    + " launcher, which adds them when --spark is given (it builds spark/ with mvn -pl spark -am"
                    + " package), or add spark/target/gosplan-spark.jar and spark/target/classpath.txt yourself");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the spark module on the class path has no " + name + "(...): rebuild it", e);
        }
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
