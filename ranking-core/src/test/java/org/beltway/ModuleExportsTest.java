package org.beltway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports what a user calls and nothing else: the API packages, never
 * {@code org.beltway.internal…}, and no public member of an exported type hands out an internal type.
 */
class ModuleExportsTest {
  private static final Set<String> API = Set.of("org.beltway.supplier", "org.beltway.score",
      "org.beltway.allocation", "org.beltway.fairness", "org.beltway.guarantee", "org.beltway.policy",
      "org.beltway.sim", "org.beltway.serving", "org.beltway.entity");

  @Test
  void theModuleExportsTheApiPackagesOnly() throws Exception {
    ModuleDescriptor module = descriptor();
    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(API), exported);
    assertTrue(module.opens().isEmpty(), "opens " + module.opens());
  }

  @Test
  void noPublicMemberOfAnExportedTypeHandsOutMachinery() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : exportedTypes()) {
      List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
      members.addAll(List.of(type.getMethods()));
      for (Executable member : members) {
        if (member.getDeclaringClass() != type) {
          continue;
        }
        List<Class<?>> types = new ArrayList<>(List.of(member.getParameterTypes()));
        if (member instanceof Method m) {
          types.add(m.getReturnType());
        }
        for (Class<?> t : types) {
          if (isInternal(t)) {
            leaks.add(type.getName() + "." + member.getName() + " uses " + t.getName());
          }
        }
      }
      for (Field f : type.getFields()) {
        if (isInternal(f.getType())) {
          leaks.add(type.getName() + "." + f.getName() + " is " + f.getType().getName());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static boolean isInternal(Class<?> t) {
    while (t.isArray()) {
      t = t.getComponentType();
    }
    return t.getPackageName().startsWith("org.beltway.internal");
  }

  private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
    Path file = classes().resolve("module-info.class");
    assertTrue(Files.exists(file), file + " is missing");
    try (InputStream in = Files.newInputStream(file)) {
      return ModuleDescriptor.read(in);
    }
  }

  /** The folder of the library's compiled classes. */
  private static Path classes() throws URISyntaxException {
    return Path.of(org.beltway.allocation.AllocationPlan.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
  }

  /** Every public type of an exported package, from the compiled classes. */
  private static List<Class<?>> exportedTypes() throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path root = classes();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !API.contains(name.substring(0, dot)) || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, ModuleExportsTest.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          types.add(type);
        }
      }
    }
    assertTrue(types.size() > 20, types.size() + " exported types");
    return types;
  }
}
