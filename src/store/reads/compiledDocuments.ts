import type { OperationMeasure } from '../../config/limits.js';
import type { Row } from '../neo4j/database.js';
import type { RelationshipRead, SourceProperties } from './read.js';

/** The reads a root field plans below its entities, and the statements they make with each root text. */
export interface CompiledPlan {
  readonly reads: readonly RelationshipRead[];
  /** The Source properties of the entities' own sources (they are claims, and their sources are selected), or null. */
  readonly sources: SourceProperties | null;
  /** The stored properties the selection asks of each root entity (see storedPropertiesOf). */
  readonly properties: readonly string[];
  /** Root statement text (or a composed root's shape key) → the whole statement's text and the reads' own parameters (not the root's, nor the day's). */
  readonly statements: Map<string, { text: string; params: Row }>;
}

/** What one operation of one document, with one set of variables, compiles to. */
export interface CompiledDocument {
  /** Per root field (response key), entity label and whether a day is given: its plan, or null when it plans nothing. */
  readonly plans: Map<string, CompiledPlan | null>;
  /** The guard rails' measure (server/guardRails.ts), once taken; null when the variables do not fit the operation. */
  measure?: OperationMeasure | null;
}

/**
 * Compile once per document: a bounded LRU, keyed by document text, operation name and variables, holds each
 * operation's plans, their statement texts and the guard rails' measure, so a document asked again builds
 * nothing. Keyed by the variables' values, not only their types: page windows, `@skip`/`@include` and the
 * guard rails' caps depend on them. The counters say how often each part was built (the metrics report them).
 */
export class CompiledDocuments {
  private readonly entries = new Map<string, CompiledDocument>();
  readonly built = { plans: 0, statements: 0, measures: 0 };

  constructor(readonly capacity = 500) {}

  static key(document: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
    return JSON.stringify([document, operationName ?? null, variables ?? {}]);
  }

  /** The entry for `key`, made empty when there is none; it becomes the most recently used. */
  entry(key: string): CompiledDocument {
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key);
    else entry = { plans: new Map() };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
