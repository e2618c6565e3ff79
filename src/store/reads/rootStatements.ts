import { knownOnCypher } from '../../model/claim.js';
import { ANY_ENTITY_LABEL, ENTITY_LABELS, kindLabelCypher, LOOKUP_KEY, type EntityLabel } from '../../model/entityKinds.js';
import { relationship } from '../../model/relationships.js';
import { claimPattern, entriesBelow, nodeProjection, type ReadsBelowNode } from './cypher.js';
import { call, cypher, match, printQuery, procedure, returnClause, unionAll, unwind, withClause, type Clause } from '../query/ast.js';

/**
 * Root statements that find entities by lookup key, composed in the query AST (store/query/ast.ts): the exact lookup (`device(name:)`,
 * `brand(name:)`, `chip(name:)`) and a brand's partner history. Each returns the answer's shape: per entity,
 * one entry `{node, pages?, sources?}` with only the stored properties asked for (days as ISO strings), the
 * pages of the reads planned below it expanded from the bound node (no second match by id), and its own
 * sources when it is a claim and they are selected. Each shape (label, properties, reads, asOf given or not)
 * gives one text, so the plan cache hits; user values stay parameters.
 */

/** What a root statement returns for each of its entities. */
export interface RootProjection {
  /** Stored properties of each entity; '*' for all of them (when no plan says which fields are selected). */
  properties: readonly string[] | '*';
  /** The reads below each entity, or null. */
  below: ReadsBelowNode | null;
}

/** A key two entities share is an ambiguity the caller reports: up to this many candidates come back. */
const LOOKUP_CANDIDATES = 10;

/**
 * The entities of type `label` whose name, alias, model number, short model number, codename or part number
 * equals $key (lower-cased, see lookupKeyQuery): a seek of the lookup-key range index (LOOKUP_KEY).
 */
function candidatesByKey(variable: string, label: EntityLabel): Clause[] {
  return [match(`(:${LOOKUP_KEY.label} {key: $key})-[:${LOOKUP_KEY.type}]->(${variable}:${label})`), withClause([variable], { distinct: true })];
}

function byExactNameFirst(variable: string): string[] {
  return [`CASE WHEN toLower(${variable}.name) = $key THEN 0 ELSE 1 END`, `${variable}.id`];
}

/** The entity of `label` with the lookup key $key: one row `{entry}` per candidate, best first, at most 10. */
export function lookupStatement(label: EntityLabel, shape: RootProjection): string {
  const order = byExactNameFirst('node');
  const { clauses, entry } = entriesBelow('node', label, shape.properties, shape.below, order);
  return printQuery([
    ...candidatesByKey('node', label),
    withClause(['node'], { orderBy: order, limit: String(LOOKUP_CANDIDATES) }),
    ...clauses,
    returnClause([cypher`${entry} AS entry`]),
  ]);
}

/** The entity of `label` with the id $id: one row `{entry}`, or none. */
export function byIdStatement(label: EntityLabel, shape: RootProjection): string {
  const { clauses, entry } = entriesBelow('node', label, shape.properties, shape.below, []);
  return printQuery([match(`(node:${label} {id: $id})`), ...clauses, returnClause([cypher`${entry} AS entry`])]);
}

/** Entities of any kind by id, whole, with their kind as `__typename`: what the request's entity loader reads. */
export const ENTITIES_BY_IDS = printQuery([
  unwind('$ids', 'id'),
  match(`(node:${ANY_ENTITY_LABEL} {id: id})`),
  returnClause([`node {.*, __typename: ${kindLabelCypher('node')}} AS node`]),
]);

/**
 * The partnerships of the brand with the lookup key $key, oldest first: by start day, else announcement day, else
 * report day, then id; with `asOfGiven`, only those reported on or before $asOf. One row `{partnerships}` (entries),
 * or none when no brand has that key.
 */
export function partnerHistoryStatement(shape: RootProjection & { asOfGiven: boolean }): string {
  const party = claimPattern(relationship('Brand.partnerships'), 'brand', 'partnership', 'party');
  const order = ['coalesce(partnership.startedOn, partnership.announcedOn, partnership.reportedOn)', 'partnership.id'];
  const { clauses, entry } = entriesBelow('partnership', 'Partnership', shape.properties, shape.below, order);
  return printQuery([
    ...candidatesByKey('brand', 'Brand'),
    withClause(['brand'], { orderBy: byExactNameFirst('brand'), limit: '1' }),
    call(
      ['brand'],
      [
        match(party.match, shape.asOfGiven ? 'partnership.reportedOn <= date($asOf)' : null),
        withClause(['partnership'], { orderBy: order }),
        ...clauses,
        returnClause([cypher`collect(${entry}) AS partnerships`]),
      ],
    ),
    returnClause(['partnerships']),
  ]);
}

/** The full-text index search reads (migration 0004_fulltext_search). */
const SEARCH_INDEX = 'entity_search';

/** What a search statement's text depends on: how many words, whether kinds or a day are given, and what is selected. */
export interface SearchShape {
  words: number;
  labelsGiven: boolean;
  asOfGiven: boolean;
  /** The stored properties selected on the hits of each kind (others come with their id alone); null: whole nodes. */
  properties: ReadonlyMap<string, readonly string[]> | null;
}

/**
 * Search: entities whose names, aliases, codenames, model numbers, part numbers, summaries or titles match
 * $luceneQuery (every word, the `entity_search` full-text index), best score first, then id; at most $first, of the
 * labels $labels when given, known on $asOf when given (isKnownOn's rule). With two words or more, partnerships whose
 * parties match every word of $wordQueries (one Lucene query per word: "Leica Xiaomi" names both brands of
 * partnership:leica-xiaomi) score too, and a partnership found both ways scores the sum: a query naming all its parties
 * asks for it above any text that happens to mention them. One name asks for that brand, not for each of its
 * partnerships, so one word is a plain index query with no union.
 */
export function searchStatement(shape: SearchShape): string {
  const index = procedure(`db.index.fulltext.queryNodes('${SEARCH_INDEX}', $luceneQuery)`, ['node', 'score']);
  const party = claimPattern(relationship('Brand.partnerships'), 'party', 'node', 'partyClaim');
  const found: Clause[] =
    shape.words < 2
      ? [index]
      : [
          call(
            [],
            unionAll(
              [index, returnClause(['node', 'score'])],
              [
                unwind('range(0, size($wordQueries) - 1)', 'word'),
                procedure(`db.index.fulltext.queryNodes('${SEARCH_INDEX}', $wordQueries[word])`, ['node AS party', 'score'], 'party:Brand'),
                match(party.match),
                withClause(['node', 'word', 'max(score) AS wordScore']),
                withClause(['node', 'count(word) AS words', 'sum(wordScore) AS score'], { where: ['words = size($wordQueries)'] }),
                returnClause(['node', 'score']),
              ],
            ),
          ),
          withClause(['node', 'sum(score) AS score']),
        ];
  const conditions = [
    ...(shape.labelsGiven ? ['any(label IN labels(node) WHERE label IN $labels)'] : []),
    ...(shape.asOfGiven ? [knownOnCypher('node', 'date($asOf)')] : []),
  ];
  return printQuery([
    ...found,
    ...(conditions.length > 0 ? [withClause(['node', 'score'], { where: conditions })] : []),
    withClause(['node', 'score'], { orderBy: ['score DESC', 'node.id'], limit: '$first' }),
    returnClause([`${hitProjection(shape.properties)} AS node`, 'score']),
  ]);
}

/** A hit with the properties selected on its kind (nodeProjection), or whole when `properties` is null. */
function hitProjection(properties: SearchShape['properties']): string {
  if (properties === null) return `node {.*, __typename: ${kindLabelCypher('node')}}`;
  const kinds = ENTITY_LABELS.map((label) => `WHEN node:${label} THEN ${nodeProjection('node', label, properties.get(label) ?? [])}`);
  return `CASE ${kinds.join(' ')} END`;
}
