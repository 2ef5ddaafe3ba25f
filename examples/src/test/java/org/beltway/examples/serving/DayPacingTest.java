package org.beltway.examples.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DayPacingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static double progressAt(LocalDate day, int hour) {
    return DayPacing.progress(day.atStartOfDay(BERLIN), day.atTime(hour, 0).atZone(BERLIN));
  }

  @Test
  void progressIsTheShareOfTheDayGoneByOnItsOwnClock() {
    LocalDate ordinary = LocalDate.of(2024, 6, 12);
    assertEquals(0.0, progressAt(ordinary, 0));
    assertEquals(0.5, progressAt(ordinary, 12));
    // the day the clocks go forward has 23 hours: at noon 11 of them are gone
    assertEquals(11.0 / 23, progressAt(LocalDate.of(2024, 3, 31), 12), 1e-12);
  }

  @Test
  void progressStaysAtOneAfterTheDay() {
    ZonedDateTime start = LocalDate.of(2024, 6, 12).atStartOfDay(BERLIN);
    assertEquals(1.0, DayPacing.progress(start, start.plusHours(30)));
  }
}
