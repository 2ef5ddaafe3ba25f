package org.beltway.entity;

import java.text.Normalizer;
import java.util.Locale;
import org.beltway.internal.Strict;

/**
 * A registration fact two shops of one business tend to share, and how its values are compared. Values
 * are normalised before they are matched, so that spelling noise (width, case, punctuation, spacing)
 * does not hide a link: Unicode NFKC (full-width digits become ASCII), lower case, then codes keep only
 * their letters and digits ({@code "91-3301 0600"} and {@code "9133010600"} match) and addresses keep
 * their words joined by single spaces.
 */
public enum LinkKey {
  /** The business licence number (统一社会信用代码): a code. */
  LICENCE(true),
  /** The registered or warehouse address: words. */
  ADDRESS(false),
  /** The account payouts are sent to: a code. */
  PAYOUT_ACCOUNT(true);

  private final boolean code;

  LinkKey(boolean code) {
    this.code = code;
  }

  /**
   * The value as it is matched; see the class doc.
   *
   * @return the normalised value, empty when the value has no letter or digit
   */
  public String normalise(String value) {
    Strict.nonNull(value, "value", String.class);
    String s = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (gap && !code && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(c);
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }
}
