/**
 * Shared machinery; not exported.
 */
package org.beltway.internal;
