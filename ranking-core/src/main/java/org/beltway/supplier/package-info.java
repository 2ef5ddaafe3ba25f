/**
 * Supplier identity, membership tier, belt and city, categories, programs joined, priority supply classes, the raw signals of a window, and the columnar {@link org.beltway.supplier.SupplierTable}.
 */
package org.beltway.supplier;
