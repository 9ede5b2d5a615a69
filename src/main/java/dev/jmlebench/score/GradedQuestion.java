package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;

/** What the scorer needs of one answered question. */
public record GradedQuestion(Question question, Outcome outcome) {}
