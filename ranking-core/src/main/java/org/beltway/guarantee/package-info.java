/**
 * Guarantee programs, the ledger of buyers won, and the conversion of a buyer promise into daily impression demand (docs/design.md §5).
 */
package org.beltway.guarantee;
