/**
 * The query AST every read statement is composed in: clauses (MATCH, UNWIND, WITH, CALL subqueries, procedure
 * calls, RETURN) nested as Cypher nests them, and expressions that may hold subqueries of their own (COUNT { … },
 * COLLECT { … }, EXISTS { … }). Builders return trees; `printQuery` is the only place a statement becomes text, so
 * every statement is laid out one way, and the same tree always prints the same text (the plan cache hits).
 *
 * Leaves are Cypher expressions over bound variables, written by the model's rules (belief order, asOf) and the
 * builders; user values never appear in them, only `$parameters`.
 */

/** A Cypher expression: text over bound variables and `$parameters`, or a template holding subqueries. */
export type Expression = string | Template | Subquery;

/** Text with expressions (subqueries among them) in its holes: what `cypher` builds. */
export interface Template {
  readonly kind: 'template';
  readonly parts: readonly Expression[];
}

/** A subquery expression: COUNT { … }, COLLECT { … } or EXISTS { … }. */
export interface Subquery {
  readonly kind: 'COUNT' | 'COLLECT' | 'EXISTS';
  readonly body: Query;
}

/** A query: clauses in order, or branches joined by UNION ALL. */
export type Query = readonly Clause[] | Union;

export interface Union {
  readonly kind: 'UNION ALL';
  readonly branches: readonly (readonly Clause[])[];
}

export type Clause = Match | Unwind | Projection | Call | Procedure;

export interface Match {
  readonly kind: 'MATCH';
  readonly pattern: Expression;
  readonly where: readonly Expression[];
}

export interface Unwind {
  readonly kind: 'UNWIND';
  readonly list: Expression;
  readonly as: string;
}

/** WITH or RETURN, with what may follow either. */
export interface Projection {
  readonly kind: 'WITH' | 'RETURN';
  readonly items: readonly Expression[];
  readonly distinct: boolean;
  readonly orderBy: readonly Expression[];
  readonly limit: Expression | null;
  /** WITH only: the conditions its rows must meet. */
  readonly where: readonly Expression[];
}

/** A CALL subquery: `imports` are the variables of the outer rows it sees ('*': all of them). */
export interface Call {
  readonly kind: 'CALL';
  readonly imports: readonly string[] | '*';
  readonly body: Query;
}

/** A procedure call, such as a full-text index query, with the columns it yields and a condition on them. */
export interface Procedure {
  readonly kind: 'PROCEDURE';
  readonly call: Expression;
  readonly yields: readonly string[];
  readonly where: readonly Expression[];
}

interface ProjectionOptions {
  distinct?: boolean;
  where?: readonly (Expression | null)[];
  orderBy?: readonly Expression[];
  limit?: Expression | null;
}

/** Conditions left out (null) are dropped: a builder passes an optional condition as it is. */
const present = (conditions: readonly (Expression | null)[] = []) => conditions.filter((condition): condition is Expression => condition !== null);

export function match(pattern: Expression, ...where: (Expression | null)[]): Match {
  return { kind: 'MATCH', pattern, where: present(where) };
}

export function unwind(list: Expression, as: string): Unwind {
  return { kind: 'UNWIND', list, as };
}

export function withClause(items: readonly Expression[], options: ProjectionOptions = {}): Projection {
  return projection('WITH', items, options);
}

export function returnClause(items: readonly Expression[], options: Omit<ProjectionOptions, 'where'> = {}): Projection {
  return projection('RETURN', items, options);
}

function projection(kind: Projection['kind'], items: readonly Expression[], options: ProjectionOptions): Projection {
  if (items.length === 0) throw new Error(`${kind} needs at least one item`);
  return { kind, items, distinct: options.distinct ?? false, orderBy: options.orderBy ?? [], limit: options.limit ?? null, where: present(options.where) };
}

export function call(imports: readonly string[] | '*', body: Query): Call {
  return { kind: 'CALL', imports, body };
}

export function procedure(callExpression: Expression, yields: readonly string[], ...where: (Expression | null)[]): Procedure {
  return { kind: 'PROCEDURE', call: callExpression, yields, where: present(where) };
}

export function unionAll(...branches: (readonly Clause[])[]): Union {
  return { kind: 'UNION ALL', branches };
}

export const countOf = (body: Query): Subquery => ({ kind: 'COUNT', body });
export const collectOf = (body: Query): Subquery => ({ kind: 'COLLECT', body });
export const existsOf = (body: Query): Subquery => ({ kind: 'EXISTS', body });

/** An expression written as a template: its holes take expressions, subqueries among them. */
export function cypher(strings: TemplateStringsArray, ...holes: Expression[]): Template {
  const parts: Expression[] = [];
  strings.forEach((text, index) => {
    if (text !== '') parts.push(text);
    if (index < holes.length) parts.push(holes[index]!);
  });
  return { kind: 'template', parts };
}

/** Expressions joined by `separator`, as one expression. */
function joined(expressions: readonly Expression[], separator: string): Template {
  return { kind: 'template', parts: expressions.flatMap((expression, index) => (index === 0 ? [expression] : [separator, expression])) };
}

/** `{key: value, …}`, entries in the order given. */
export function mapOf(entries: ReadonlyArray<readonly [string, Expression]>): Template {
  return cypher`{${joined(
    entries.map(([key, value]) => cypher`${key}: ${value}`),
    ', ',
  )}}`;
}

const INDENT = '  ';

/** The statement text of a query. */
export function printQuery(query: Query): string {
  return printLines(query).join('\n');
}

function printLines(query: Query): string[] {
  if (!Array.isArray(query)) {
    const union = query as Union;
    return union.branches.flatMap((branch, index) => [...(index === 0 ? [] : [union.kind]), ...branch.flatMap(printClause)]);
  }
  return (query as readonly Clause[]).flatMap(printClause);
}

function printClause(clause: Clause): string[] {
  switch (clause.kind) {
    case 'MATCH':
      return [`MATCH ${printExpression(clause.pattern)}`, ...printWhere(clause.where)];
    case 'UNWIND':
      return [`UNWIND ${printExpression(clause.list)} AS ${clause.as}`];
    case 'CALL': {
      const imports = clause.imports === '*' ? '*' : clause.imports.join(', ');
      return [`CALL (${imports}) {`, ...indented(printLines(clause.body)), '}'];
    }
    case 'PROCEDURE':
      return [`CALL ${printExpression(clause.call)} YIELD ${clause.yields.join(', ')}`, ...printWhere(clause.where)];
    case 'WITH':
    case 'RETURN': {
      const head = `${clause.kind}${clause.distinct ? ' DISTINCT' : ''} ${clause.items.map(printExpression).join(', ')}`;
      const order = clause.orderBy.length > 0 ? ` ORDER BY ${clause.orderBy.map(printExpression).join(', ')}` : '';
      const limit = clause.limit === null ? [] : [`LIMIT ${printExpression(clause.limit)}`];
      // Cypher's order: WITH … ORDER BY … LIMIT … WHERE ….
      return [head + order, ...limit, ...printWhere(clause.where)];
    }
  }
}

function printWhere(conditions: readonly Expression[]): string[] {
  if (conditions.length === 0) return [];
  const [first, ...rest] = conditions.map(printExpression);
  return [`WHERE ${first!}`, ...rest.map((condition) => `${INDENT}AND ${condition}`)];
}

/** An expression's text; a subquery's body goes on lines of its own, indented below its opening. */
export function printExpression(expression: Expression): string {
  if (typeof expression === 'string') return expression;
  if (expression.kind === 'template') return expression.parts.map(printExpression).join('');
  return [`${expression.kind} {`, ...indented(printLines(expression.body)), '}'].join('\n');
}

/** Lines one level in; a line holding a multi-line expression is indented line by line. */
function indented(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split('\n')).map((line) => INDENT + line);
}
