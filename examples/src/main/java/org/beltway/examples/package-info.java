/** Runnable programs a new user copies from. */
package org.beltway.examples;
