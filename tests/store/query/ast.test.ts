import { describe, expect, it } from 'vitest';
import {
  call,
  collectOf,
  countOf,
  cypher,
  existsOf,
  mapOf,
  match,
  printQuery,
  procedure,
  returnClause,
  unionAll,
  unwind,
  withClause,
} from '../../../src/store/query/ast.js';

describe('printQuery', () => {
  it('nests CALL subqueries and subquery expressions, each level indented, with their imports', () => {
    const text = printQuery([
      match('(brand:Brand)', 'brand.id = $id'),
      call(
        ['brand'],
        [
          match('(brand)-[:MAKES]->(device:Device)'),
          withClause(['device', cypher`${countOf([match('(device)<-[:ABOUT]-(:Leak)')])} AS leaks`], { orderBy: ['leaks DESC', 'device.id'], limit: '$limit' }),
          returnClause([
            cypher`collect(${mapOf([
              ['id', 'device.id'],
              ['leaks', 'leaks'],
            ])}) AS devices`,
          ]),
        ],
      ),
      returnClause(['devices']),
    ]);
    expect(text).toBe(
      [
        'MATCH (brand:Brand)',
        'WHERE brand.id = $id',
        'CALL (brand) {',
        '  MATCH (brand)-[:MAKES]->(device:Device)',
        '  WITH device, COUNT {',
        '    MATCH (device)<-[:ABOUT]-(:Leak)',
        '  } AS leaks ORDER BY leaks DESC, device.id',
        '  LIMIT $limit',
        '  RETURN collect({id: device.id, leaks: leaks}) AS devices',
        '}',
        'RETURN devices',
      ].join('\n'),
    );
  });

  it('joins conditions with AND, drops the absent ones, and puts a WITH’s WHERE after its LIMIT, as Cypher reads it', () => {
    expect(
      printQuery([match('(n:Brand)', null, 'n.country = $country', null, '$role IN n.roles'), withClause(['n'], { where: [null] }), returnClause(['n'])]),
    ).toBe(['MATCH (n:Brand)', 'WHERE n.country = $country', '  AND $role IN n.roles', 'WITH n', 'RETURN n'].join('\n'));
    expect(printQuery([withClause(['1 AS one'], { orderBy: ['one'], limit: '1', where: ['one > 0'] }), returnClause(['one'])])).toBe(
      ['WITH 1 AS one ORDER BY one', 'LIMIT 1', 'WHERE one > 0', 'RETURN one'].join('\n'),
    );
  });

  it('prints UNION ALL branches, procedure calls with their yields, UNWIND, DISTINCT and CALL (*) / CALL ()', () => {
    const text = printQuery([
      call(
        '*',
        unionAll([procedure('db.labels()', ['label']), returnClause(['label'])], [unwind('$extra', 'label'), returnClause(['label'], { distinct: true })]),
      ),
      call([], [returnClause([cypher`${existsOf([match('(:Brand)')])} AS any`, cypher`${collectOf([match('(b:Brand)'), returnClause(['b.id'])])} AS ids`])]),
      returnClause(['label', 'any', 'ids']),
    ]);
    expect(text).toBe(
      [
        'CALL (*) {',
        '  CALL db.labels() YIELD label',
        '  RETURN label',
        '  UNION ALL',
        '  UNWIND $extra AS label',
        '  RETURN DISTINCT label',
        '}',
        'CALL () {',
        '  RETURN EXISTS {',
        '    MATCH (:Brand)',
        '  } AS any, COLLECT {',
        '    MATCH (b:Brand)',
        '    RETURN b.id',
        '  } AS ids',
        '}',
        'RETURN label, any, ids',
      ].join('\n'),
    );
  });

  it('refuses a projection with nothing in it', () => {
    expect(() => withClause([])).toThrow('WITH needs at least one item');
    expect(() => returnClause([])).toThrow('RETURN needs at least one item');
  });
});
