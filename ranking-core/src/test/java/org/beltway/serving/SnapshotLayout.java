package org.beltway.serving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each field of a snapshot file lies, from its columns ({@link SnapshotFormat}'s layout), so the
 * fuzz can cut, swap and repeat whole sections rather than only random bytes.
 */
final class SnapshotLayout {
  /** A named run of bytes {@code [start, end)} of the file. */
  record Section(String name, int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final List<Section> sections = new ArrayList<>();
  private int at;

  private SnapshotLayout(PlanSnapshot snapshot) {
    SnapshotColumns c = snapshot.columns();
    int n = c.supplierIds.length;
    int p = c.promisedRows.length;
    int m = c.segmentIds.length;
    add("magic", 8);
    add("format version", 4);
    add("body length", 8);
    add("marketplace", 2 + c.header.marketplace().getBytes(StandardCharsets.UTF_8).length);
    add("plan version and created", 16);
    add("certificate", 1 + c.certificate.termination().length() + 4 + 32 + 8);
    add("counts", 28);
    add("group sets", 8 * c.supplierMasks.length);
    add("supplier ids", 8 * n);
    add("merits", 8 * n);
    add("planned", 4 * n);
    add("programs", n);
    add("supplier group sets", 2 * n);
    add("promised rows", 4 * p);
    add("levels", 8 * p);
    add("guarantees", 4 * p);
    add("total caps", 4 * p);
    add("segment ids", 8 * m);
    add("segment programs", m);
    add("traffic", 8 * m);
    add("normalisers", 8 * m);
    add("segment duals", 8 * m);
    add("segment caps", 8 * m);
    add("segment group sets", 8 * m);
    int groupBytes = 0;
    for (String name : c.groupNames) {
      groupBytes += 2 + name.getBytes(StandardCharsets.UTF_8).length + 24;
    }
    add("groups", groupBytes);
    int caps = c.capRows.length;
    int relevances = c.relevanceRows.length;
    add("cap exceptions", 16 * caps);
    add("relevance exceptions", 16 * relevances);
    add("checksum", 4);
  }

  private void add(String name, int length) {
    sections.add(new Section(name, at, at + length));
    at += length;
  }

  static SnapshotLayout of(PlanSnapshot snapshot) {
    return new SnapshotLayout(snapshot);
  }

  /** The sections in file order, empty ones included. */
  List<Section> sections() {
    return sections;
  }

  /** The file's length in bytes. */
  int length() {
    return at;
  }

  /** The sections that hold at least one byte. */
  List<Section> nonEmpty() {
    List<Section> out = new ArrayList<>();
    for (Section s : sections) {
      if (s.length() > 0) {
        out.add(s);
      }
    }
    return out;
  }
}
