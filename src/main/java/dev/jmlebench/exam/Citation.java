package dev.jmlebench.exam;

/** Where a rule of an edition comes from: {@code what} it supports, and the public address saying so. */
public record Citation(String what, String url) {}
