package dev.jmlebench.runner;

/** How a run shows its progress: a live bar on a terminal, plain lines otherwise, or nothing (benchmarks). */
public enum ProgressStyle { BAR, LINES, QUIET }
