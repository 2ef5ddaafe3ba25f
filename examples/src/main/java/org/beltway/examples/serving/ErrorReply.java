package org.beltway.examples.serving;

/** The body of every 4xx and 5xx reply, {@code {"error": "..."}}: what was wrong, with its value. */
record ErrorReply(String error) {}
