/**
 * Guarantee programs, the ledger of buyers won, and the conversion of a buyer promise into daily impression demand (DESIGN.md section 5).
 */
package org.beltway.guarantee;
