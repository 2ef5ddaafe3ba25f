package org.beltway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulationConfigTest {

  @Test
  void defaultsAreTheNationalRun() {
    SimulationConfig c = SimulationConfig.defaults();
    assertEquals(180, c.days());
    assertEquals(0.2, c.trafficError());
    assertEquals(0.2, c.conversionError());
    assertTrue(Double.isNaN(c.safetyMargin()));
    assertEquals(0.01, c.risk());
    assertEquals(0.75, c.frontLoad());
    assertEquals(7, c.rescoreEveryDays());
    assertEquals(120, c.lastEnrolmentDay());
    assertTrue(c.randomConversion());
    assertEquals(30, c.pilotDays());
    assertEquals(0.05, c.segmentCapShare());
    assertEquals(1.0, c.participation());
    assertEquals(1000.0, c.newTrustPassPerDay(1_070_000), 1e-9);
    assertEquals(10.0, c.newTrustPassPerDay(10_700), 1e-9);
  }

  @Test
  void builderSetsEverySetting() {
    SimulationConfig c = SimulationConfig.builder().days(30).forecastError(0).safetyMargin(1.5)
        .frontLoad(1).rescoreEveryDays(3).newTrustPassPerDay(2.5).lastEnrolmentDay(10).randomConversion(false)
        .pilotDays(7).segmentCapShare(0.5).participation(0.25).build();
    assertEquals(30, c.days());
    assertEquals(0.0, c.trafficError());
    assertEquals(0.0, c.conversionError());
    assertEquals(1.5, c.safetyMargin());
    assertTrue(Double.isNaN(c.risk()));
    assertEquals(1.0, c.frontLoad());
    assertEquals(0.05, SimulationConfig.builder().risk(0.05).build().risk());
    assertEquals(3, c.rescoreEveryDays());
    assertEquals(2.5, c.newTrustPassPerDay(1_000_000));
    assertEquals(10, c.lastEnrolmentDay());
    assertFalse(c.randomConversion());
    assertEquals(7, c.pilotDays());
    assertEquals(0.5, c.segmentCapShare());
    assertEquals(0.25, c.participation());
    assertEquals(0, SimulationConfig.builder().days(20).build().lastEnrolmentDay());
  }

  @Test
  void rejectsOutOfRangeSettingsWithTheValueInTheMessage() {
    assertEquals("days must be in [1, 3650]: 0", message(() -> SimulationConfig.builder().days(0)));
    assertEquals("trafficError must be in [0, 1): 1.0",
        message(() -> SimulationConfig.builder().trafficError(1.0)));
    assertEquals("conversionError must be in [0, 1): -0.1",
        message(() -> SimulationConfig.builder().conversionError(-0.1)));
    assertEquals("safetyMargin must be a finite number >= 1: 0.9",
        message(() -> SimulationConfig.builder().safetyMargin(0.9)));
    assertEquals("rescoreEveryDays must be >= 1: 0",
        message(() -> SimulationConfig.builder().rescoreEveryDays(0)));
    assertEquals("newTrustPassPerDay must be a finite number >= 0: -1.0",
        message(() -> SimulationConfig.builder().newTrustPassPerDay(-1)));
    assertEquals("lastEnrolmentDay must be >= 0: -1",
        message(() -> SimulationConfig.builder().lastEnrolmentDay(-1)));
    assertEquals("pilotDays must be >= 1: 0", message(() -> SimulationConfig.builder().pilotDays(0)));
    assertEquals("segmentCapShare must be in (0, 1]: 0.0",
        message(() -> SimulationConfig.builder().segmentCapShare(0)));
    assertEquals("days must be in [1, 3650]: 4000",
        message(() -> new SimulationConfig(4000, 0, 0, 1, Double.NaN, 1, 1, Double.NaN, 0, true, 1, 1, 1, MeritRule.COMPOSITE)));
    assertEquals("risk must be a probability of missing a promise in (0, 0.5): 0.5",
        message(() -> SimulationConfig.builder().risk(0.5)));
    assertEquals("frontLoad must be a share of the window in (0, 1]: 0.0",
        message(() -> SimulationConfig.builder().frontLoad(0)));
    assertEquals("exactly one of safetyMargin (1.2) and risk (0.01) must be a number: demand is"
            + " risk-aware or the expected need times a margin",
        message(() -> new SimulationConfig(10, 0, 0, 1.2, 0.01, 1, 1, Double.NaN, 0, true, 1, 1, 1, MeritRule.COMPOSITE)));
    assertEquals("participation must be in [0, 1]: 1.5",
        message(() -> SimulationConfig.builder().participation(1.5)));
  }

  @Test
  void rejectsASettingGivenTwice() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SimulationConfig.builder().days(10).days(20));
    assertEquals("days was already set to 10", e.getMessage());
    assertEquals("trafficError was already set to 0.1", assertThrows(IllegalStateException.class,
        () -> SimulationConfig.builder().trafficError(0.1).forecastError(0.2)).getMessage());
    assertEquals("risk: safetyMargin (1.5) is set; demand is risk-aware or the expected need times a"
        + " margin, not both", assertThrows(IllegalStateException.class,
            () -> SimulationConfig.builder().safetyMargin(1.5).risk(0.01)).getMessage());
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
