package org.adcckb.kb;

import java.util.List;
import java.util.stream.Collectors;

/** The rules directory cannot be used: every problem found, sorted by file and line. */
public class KnowledgeBaseException extends RuntimeException {

    private final List<Problem> problems;

    public KnowledgeBaseException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    public KnowledgeBaseException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
