package org.beltway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The exported packages and their public types, read from the compiled classes, for the API tests. */
final class ExportedApi {
  static final Set<String> PACKAGES = Set.of("org.beltway.supplier", "org.beltway.score",
      "org.beltway.allocation", "org.beltway.fairness", "org.beltway.guarantee", "org.beltway.policy",
      "org.beltway.sim", "org.beltway.serving", "org.beltway.entity");

  private ExportedApi() {}

  /** The folder of the library's compiled classes. */
  static Path classes() throws URISyntaxException {
    return Path.of(org.beltway.allocation.AllocationPlan.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
  }

  /** Every public type of an exported package (nested ones included), sorted by name. */
  static List<Class<?>> types() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = classes();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !PACKAGES.contains(name.substring(0, dot)) || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, ExportedApi.class.getClassLoader());
        if (isVisible(type)) {
          types.add(type);
        }
      }
    }
    assertTrue(types.size() > 20, types.size() + " exported types");
    types.sort(Comparator.comparing(Class::getName));
    return types;
  }

  /** Public, and so is every type it is nested in. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }
}
