import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_ENTITY_LABELS,
  ENTITY_KINDS,
  ENTITY_LABELS,
  ENTITY_PREFIXES,
  idFieldOf,
  labelOfType,
  prefixOfLabel,
  typeOfLabel,
} from '../../src/model/entityKinds.js';
import { WRITE_QUERY } from '../../src/store/records/writeQueries.js';
import { CypherLibrary } from '../../src/store/neo4j/cypherLibrary.js';
import { EntityType } from '../../src/model/enums.js';
import { ImportRecord, RECORD_FIELDS, idOf, prefixOf } from '../../src/model/records.js';
import { RELATIONSHIPS } from '../../src/model/relationships.js';

const schemaText = readFileSync(path.resolve(import.meta.dirname, '../../schema/schema.graphql'), 'utf8');

describe('entity kinds, declared once in src/model/entityKinds.ts', () => {
  it('give the GraphQL EntityType enum its values, the emitted schema included', () => {
    expect(Object.values(EntityType).sort()).toEqual(ENTITY_LABELS.map(typeOfLabel).sort());
    const enumType = buildSchema(schemaText).getType('EntityType');
    expect(
      isEnumType(enumType) &&
        enumType
          .getValues()
          .map((value) => value.name)
          .sort(),
    ).toEqual(Object.values(EntityType).sort());
    for (const type of Object.values(EntityType)) expect(typeOfLabel(labelOfType(type))).toBe(type);
  });

  it('give each record type of the import format, and the id prefix its records are checked against', () => {
    const recordTypes = ImportRecord.options.map((option) => option.shape.type.value as string);
    for (const label of ENTITY_LABELS) expect(recordTypes).toContain(label);
    expect(ENTITY_PREFIXES).toEqual(ENTITY_LABELS.map(prefixOfLabel));
    const brand = ImportRecord.parse({ type: 'Brand', id: 'brand:leica', name: 'Leica' });
    expect(prefixOf(idOf(brand))).toBe(prefixOfLabel('Brand'));
    expect(
      ImportRecord.safeParse({
        type: 'Relationship',
        relation: 'CAMERA_BY',
        from: 'gadget:x',
        to: 'brand:leica',
        confidence: 'CONFIRMED',
        reportedOn: '2022-07-04',
        sources: ['source:a'],
      }).success,
    ).toBe(false);
  });

  it('say which kinds are claims: exactly those whose records carry provenance', () => {
    const withProvenance = ENTITY_LABELS.filter((label) => (RECORD_FIELDS[label] as readonly string[]).includes('confidence'));
    expect([...CLAIM_ENTITY_LABELS].sort()).toEqual([...withProvenance].sort());
    expect(ENTITY_KINDS.filter((kind) => kind.isClaim).length).toBeGreaterThan(0);
  });

  it('are the only labels the relationship table connects', () => {
    for (const declaration of RELATIONSHIPS) {
      expect(ENTITY_LABELS).toContain(declaration.owner);
      if (declaration.target !== 'Spec') expect(ENTITY_LABELS).toContain(declaration.target);
    }
  });

  it('name, for each kind, a field of its record to derive ids from, and one statement that writes it', () => {
    const statements = new CypherLibrary();
    for (const label of ENTITY_LABELS) {
      const idField = idFieldOf(label);
      if (idField !== null) expect(RECORD_FIELDS[label] as readonly string[]).toContain(idField);
      // Served by name, from cypher/ or composed from the model, and it gives the node its kind's label.
      expect(statements.get(WRITE_QUERY[label])).toMatch(new RegExp(`^SET \\w+:${label},$`, 'm'));
    }
    expect(idFieldOf('Leak')).toBeNull();
  });
});
