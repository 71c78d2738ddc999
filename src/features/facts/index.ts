export { FACT_KINDS, FACT_LABELS, FACT_UNITS, NUMERIC_FACTS, isFactKind, type FactKind } from './facts.kinds.ts';
export { formatFact, compact, scientific } from './facts.format.ts';
export { currentFacts, subjectFacts, type FactVM } from './facts.service.ts';
export { allFacts, factsOfSubjects, insertFacts, sourceIdsAll, sourceIdsByName, subjectIdsBySlug, type FactRow, type FactCreate } from './facts.repo.ts';
