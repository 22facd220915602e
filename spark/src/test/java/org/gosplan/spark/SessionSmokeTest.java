package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SessionSmokeTest {
  @Test
  void localSessionCounts() {
    SparkSession s = SparkSession.builder().master("local[2]").appName("smoke").config("spark.ui.enabled", "false").getOrCreate();
    try {
      assertEquals(1000L, s.range(1000).count());
    } finally {
      s.stop();
    }
  }
}
