/**
 * Ready policies built from the allocation primitives, such as the 2025 industrial-belt recovery policy.
 */
package org.beltway.policy;
