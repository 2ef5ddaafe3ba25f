package org.beltway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application jar ({@code ranking-spark-*-app.jar}) launched the way {@code spark-submit}
 * launches it: Spark's own {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own, on a
 * classpath of Spark and its dependencies only, so the jar must bring Beltway and fastutil itself.
 * The main class comes from the jar's manifest, as for a Spark installation's {@code spark-submit
 * --master local[2] <jar>}. Runs after {@code package} ({@code mvn -B verify}).
 */
class SparkSubmitIT {
  private static final String MAIN = "org.beltway.spark.example.SparkQuickStart";

  /** The test's classpath less Beltway, fastutil and the test libraries: what a Spark install has. */
  private static String sparkClasspath() {
    String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(all.split(File.pathSeparator))
        .filter(e -> !e.contains("ranking-core") && !e.contains("ranking-spark")
            && !e.contains("fastutil") && !e.contains("junit") && !e.contains("opentest4j")
            && !e.contains("apiguardian"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void sparkSubmitRunsTheQuickStartFromTheApplicationJar(@TempDir Path dir)
      throws IOException, InterruptedException {
    String jar = System.getProperty("beltway.spark.appJar");
    assertNotNull(jar, "beltway.spark.appJar: set by the POM");
    try (JarFile app = new JarFile(jar)) {
      assertNotNull(app.getEntry(MAIN.replace('.', '/') + ".class"), "the example");
      assertEquals(MAIN, app.getManifest().getMainAttributes().getValue("Main-Class"), "its main class");
      assertNotNull(app.getEntry("org/beltway/allocation/AllocationSolver.class"), "ranking-core");
      assertNotNull(app.getEntry("it/unimi/dsi/fastutil/ints/IntArrayList.class"), "fastutil");
      assertNull(app.getEntry("org/apache/spark/SparkContext.class"), "Spark is provided, not packed");
    }
    String classpath = sparkClasspath();
    assertFalse(classpath.contains("ranking-core"), classpath);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(Arrays.asList(System.getProperty("beltway.spark.jvmOptions", "").trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.driver.host=127.0.0.1", jar, "0.001",
        dir.resolve("quickstart").toString()));
    Path log = dir.resolve("submit.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    boolean done = p.waitFor(240, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(done, "spark-submit did not finish in 240 s:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("objective: spark"), out);
    assertTrue(out.contains("unmet promises: spark"), out);
  }
}
