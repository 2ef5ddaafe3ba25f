package org.beltway.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page: headings, paragraphs, tables and inline SVG charts, with no script, no
 * stylesheet link and no network access, so it can be mailed or archived as one file.
 */
public final class HtmlReport {
  private final StringBuilder body = new StringBuilder(16384);
  private final String title;

  public HtmlReport(String title) {
    this.title = title;
  }

  public HtmlReport heading(String text) {
    body.append("<h2>").append(LineChart.escape(text)).append("</h2>\n");
    return this;
  }

  public HtmlReport paragraph(String text) {
    body.append("<p>").append(LineChart.escape(text)).append("</p>\n");
    return this;
  }

  /** A table with a header row; cells are escaped. */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    for (String h : header) {
      body.append("<th>").append(LineChart.escape(h)).append("</th>");
    }
    body.append("</tr>\n");
    for (List<String> row : rows) {
      body.append("<tr>");
      for (String cell : row) {
        body.append("<td>").append(LineChart.escape(cell)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  public HtmlReport chart(LineChart chart) {
    body.append("<figure>").append(chart.toSvg()).append("</figure>\n");
    return this;
  }

  /** The whole page. */
  public String toHtml() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + LineChart.escape(title) + "</title>\n<style>body{font-family:sans-serif;max-width:960px;"
        + "margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}"
        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}"
        + "td:first-child,th:first-child{text-align:left}figure{margin:1em 0}</style>\n</head><body>\n<h1>"
        + LineChart.escape(title) + "</h1>\n" + body + "</body></html>\n";
  }

  /** Writes the page as UTF-8. */
  public void write(Path file) throws IOException {
    Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
  }
}
