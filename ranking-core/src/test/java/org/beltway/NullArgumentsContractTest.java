package org.beltway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the exported packages, called with {@code null} for each
 * reference parameter in turn (the other arguments valid {@link ApiSamples}), throws a
 * {@link NullPointerException} or {@link IllegalArgumentException} whose message names that parameter
 * (or, for a method of one reference parameter such as a builder's, the setting the method is) and no
 * other: the JVM's own text ({@code Cannot read the array length because "<parameter1>" is null})
 * names nothing the caller wrote. A member whose receiver or argument types have no sample fails the
 * test by name rather than being skipped, so a new method cannot miss the rule.
 */
class NullArgumentsContractTest {
  /** Parameters whose javadoc accepts null, with the reason; an entry that matches nothing fails. */
  private static final Map<String, String> ACCEPTS_NULL = Map.ofEntries(
      Map.entry("allocation.UnmetPromise.new(group)", "the group share's name, or null for a guarantee"),
      Map.entry("allocation.RiskAwareShares.plan(start)", "null: a cold start"),
      Map.entry("allocation.RiskAwareShares.plan(initial)", "null: the first solve without margins"),
      Map.entry("serving.Reranker.rank(scores)", "receives the adjusted scores, or null"),
      Map.entry("serving.Reranker.rankShown(scores)", "receives the adjusted scores, or null"),
      Map.entry("serving.Reranker.rankWithFloor(scores)", "receives the adjusted scores, or null"),
      Map.entry("serving.Reranker.rankWithFloor(isProtected)",
          "null: the suppliers the pacer found behind schedule"),
      Map.entry("serving.TopK.select(pageScores)", "receives the page's scores, or null"),
      Map.entry("serving.SnapshotDirectory$Scan.new(newest)",
          "null: no valid snapshot among the files read"),
      Map.entry("serving.SnapshotWatcher$Rejections.new(last)", "null: nothing rejected yet"),
      Map.entry("serving.SnapshotException.new(message)", "Throwable's contract: the message may be null"),
      Map.entry("serving.SnapshotException.new(cause)", "Throwable's contract: the cause may be null"));

  /**
   * Members of files being changed elsewhere at the time of writing, with the message proposed for
   * them; they are skipped until that change lands. An entry that matches nothing fails.
   */
  private static final Map<String, String> PENDING = Map.of();

  /** Interfaces the caller implements and the library calls with its own non-null arguments. */
  private static final Set<String> CALLBACKS = Set.of("fairness.Probes$Planner",
      "guarantee.Admission$Forecast", "sim.Simulation$Progress");

  /** The JVM's helpful text, which names a parameter only because this module keeps parameter names. */
  private static final Pattern JVM_TEXT = Pattern.compile("Cannot .* because .* is null");

  private final ApiSamples samples = new ApiSamples();

  @Test
  void everyPublicMemberNamesTheNullArgumentItRejects() throws Exception {
    Set<String> missing = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    Set<String> excused = new TreeSet<>();
    int checked = 0;
    for (Class<?> type : ExportedApi.types()) {
      if (CALLBACKS.contains(shortName(type))) {
        excused.add(shortName(type));
        continue;
      }
      for (Executable member : members(type)) {
        Parameter[] params = member.getParameters();
        for (int i = 0; i < params.length; i++) {
          if (params[i].getType().isPrimitive()) {
            continue;
          }
          String key = key(type, member, params[i]);
          if (ACCEPTS_NULL.containsKey(key) || PENDING.containsKey(key)) {
            excused.add(key);
            continue;
          }
          List<String> lacking = lacking(type, member);
          if (!lacking.isEmpty()) {
            missing.add(key(type, member, null) + " needs samples of " + lacking);
            continue;
          }
          checked++;
          String outcome = outcome(member, i);
          if (outcome != null) {
            wrong.add(key + ": " + outcome);
          }
        }
      }
    }
    Set<String> stale = new TreeSet<>(ACCEPTS_NULL.keySet());
    stale.addAll(PENDING.keySet());
    stale.addAll(CALLBACKS);
    stale.removeAll(excused);
    assertEquals(Set.of(), missing, "add these to ApiSamples");
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " null arguments:\n"
        + String.join("\n", wrong));
    assertEquals(Set.of(), stale, "excused members that no longer exist");
    assertTrue(checked > 150, checked + " null arguments checked");
  }

  /** Object's contract for equals: null is never equal, and nothing is thrown. */
  @Test
  void equalsAnswersFalseForNull() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : ExportedApi.types()) {
      Method equals = declaredEquals(type);
      if (equals != null && samples.has(type) && !Boolean.FALSE.equals(equals.invoke(samples.of(type),
          (Object) null))) {
        wrong.add(shortName(type));
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** Null if the call threw what the contract asks for, else what happened instead. */
  private String outcome(Executable member, int nullAt) throws ReflectiveOperationException {
    Parameter[] params = member.getParameters();
    Object[] args = new Object[params.length];
    for (int j = 0; j < params.length; j++) {
      args[j] = j == nullAt ? null : value(params[j].getType());
    }
    try {
      if (member instanceof Constructor<?> c) {
        c.newInstance(args);
      } else {
        Method m = (Method) member;
        m.invoke(Modifier.isStatic(m.getModifiers()) ? null : samples.of(m.getDeclaringClass()), args);
      }
      return "no exception";
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      String message = String.valueOf(thrown.getMessage());
      if (!(thrown instanceof NullPointerException || thrown instanceof IllegalArgumentException)) {
        return thrown + " (" + where(thrown) + ")";
      }
      if (JVM_TEXT.matcher(message).matches() || !(names(message, params[nullAt].getName())
          || isSetter(member) && names(message, member.getName()))) {
        return thrown.getClass().getSimpleName() + " \"" + message + "\" (" + where(thrown) + ")";
      }
      for (int j = 0; j < params.length; j++) {
        if (j != nullAt && !params[j].getType().isPrimitive() && names(message, params[j].getName())) {
          return "\"" + message + "\" names " + params[j].getName() + " too";
        }
      }
      return null;
    }
  }

  /** One reference parameter: the member's name is the setting the argument is, as in a builder. */
  private static boolean isSetter(Executable member) {
    return member instanceof Method
        && List.of(member.getParameterTypes()).stream().filter(t -> !t.isPrimitive()).count() == 1;
  }

  private static boolean names(String message, String parameter) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(parameter) + "(?![A-Za-z0-9_])")
        .matcher(message).find();
  }

  private static String where(Throwable thrown) {
    StackTraceElement[] trace = thrown.getStackTrace();
    return trace.length == 0 ? "?" : trace[0].getClassName().replace("org.beltway.", "") + ":"
        + trace[0].getLineNumber();
  }

  /** The receiver and argument types of {@code member} that have no sample. */
  private List<String> lacking(Class<?> type, Executable member) {
    List<String> lacking = new ArrayList<>();
    if (member instanceof Method m && !Modifier.isStatic(m.getModifiers()) && !samples.has(type)) {
      lacking.add("receiver " + type.getSimpleName());
    }
    for (Class<?> p : member.getParameterTypes()) {
      if (!p.isPrimitive() && !samples.has(p)) {
        lacking.add(p.getSimpleName());
      }
    }
    return lacking;
  }

  private Object value(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == int.class) {
      return 1;
    } else if (type == long.class) {
      return (long) ((org.beltway.supplier.SupplierTable) samples.of(
          org.beltway.supplier.SupplierTable.class)).id(0);
    } else if (type == double.class) {
      return 0.5;
    }
    return samples.of(type);
  }

  /**
   * The public constructors and methods declared by {@code type} that take a reference, less
   * {@code equals} (see {@link #equalsAnswersFalseForNull}) and an enum's {@code valueOf}, which javac
   * writes and the JDK rejects with its own {@code "Name is null"}.
   */
  private static List<Executable> members(Class<?> type) {
    List<Executable> members = new ArrayList<>();
    if (!Modifier.isAbstract(type.getModifiers())) {
      members.addAll(List.of(type.getConstructors()));
    }
    for (Method m : type.getDeclaredMethods()) {
      boolean enumValueOf = type.isEnum() && m.getName().equals("valueOf");
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !enumValueOf
          && !isEquals(m)) {
        members.add(m);
      }
    }
    members.removeIf(e -> List.of(e.getParameterTypes()).stream().allMatch(Class::isPrimitive));
    members.sort((a, b) -> a.toString().compareTo(b.toString()));
    return members;
  }

  private static boolean isEquals(Method m) {
    return m.getName().equals("equals") && m.getParameterCount() == 1
        && m.getParameterTypes()[0] == Object.class;
  }

  private static Method declaredEquals(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (isEquals(m) && Modifier.isPublic(m.getModifiers())) {
        return m;
      }
    }
    return null;
  }

  private static String shortName(Class<?> type) {
    return type.getName().replace("org.beltway.", "");
  }

  /** {@code package.Type.member(parameter)}, e.g. {@code supplier.Supplier$Builder.categories(categories)}. */
  private static String key(Class<?> type, Executable member, Parameter p) {
    String name = member instanceof Constructor<?> ? "new" : member.getName();
    return shortName(type) + "." + name + "(" + (p == null ? "" : p.getName()) + ")";
  }
}
