import type { ClassType } from 'type-graphql';
import type { EntityLabel } from '../../model/entityKinds.js';
import type { EntityListArgs } from './asOf.js';
import type { RelationshipConnectionTypes } from './connections.js';
import { Brand, BrandRelationshipConnections, BrandConnection, BrandsArgs } from './brand.js';
import { Chip, ChipConnection, ChipsArgs } from './chip.js';
import { Device, DeviceRelationshipConnections, DeviceConnection, DevicesArgs } from './device.js';
import { BrandInput, ChipInput, DeviceInput, LeakInput, PartnershipInput, SourceInput } from './inputs.js';
import { Leak, LeakRelationshipConnections, LeakConnection, LeaksArgs } from './leak.js';
import { Partnership, PartnershipRelationshipConnections } from './partnership.js';
import { Source, SourceConnection, SourcesArgs } from './source.js';

/** What the API offers of one entity kind, beside the fields of its object type. */
export interface EntityTypes {
  /** The GraphQL object type. */
  type: ClassType;
  /** The input of `upsert<Kind>`. */
  input: ClassType;
  /** The connection types of relationship connections that point at the kind, where one does. */
  relationshipConnections?: RelationshipConnectionTypes;
  /** The root lookup `<kind>(name:)`, where the kind has one: its description. */
  lookup?: string;
  /** The root list `<kind>s`, where the kind has one: its connection, its arguments and description. */
  list?: { connection: ClassType; args: ClassType<EntityListArgs>; description?: string };
  /** What `upsert<Kind>` and `delete<Kind>` add to the description every mutation of their role gets. */
  upsertNote?: string;
  deleteNote?: string;
}

/**
 * The API form of each entity kind of the model (src/model/entityKinds.ts). Keyed by the model's labels, so a new kind
 * does not compile until it says here what it offers; the root fields and mutations are generated from this table
 * (api/resolvers/entity.resolver.ts), and the relationship fields from the relationship table.
 */
export const ENTITY_TYPES: Record<EntityLabel, EntityTypes> = {
  Brand: {
    type: Brand,
    input: BrandInput,
    relationshipConnections: BrandRelationshipConnections,
    lookup: 'The brand with this name or alias, ignoring case.',
    list: { connection: BrandConnection, args: BrandsArgs },
    deleteNote: "Removes the brand's claims too.",
  },
  Device: {
    type: Device,
    input: DeviceInput,
    relationshipConnections: DeviceRelationshipConnections,
    lookup: 'The device with this name, alias, model number, short model number or codename, ignoring case.',
    list: { connection: DeviceConnection, args: DevicesArgs, description: 'Relationship filters keep what the fields show, by the belief rule.' },
    deleteNote: "Removes the device's claims and specs too.",
  },
  Chip: {
    type: Chip,
    input: ChipInput,
    lookup: 'The chip with this name, alias or part number, ignoring case.',
    list: { connection: ChipConnection, args: ChipsArgs },
    deleteNote: "Removes the chip's claims too.",
  },
  Partnership: {
    type: Partnership,
    input: PartnershipInput,
    relationshipConnections: PartnershipRelationshipConnections,
    upsertNote: 'A new partnership needs kind, confidence, reportedOn and sources.',
  },
  Leak: {
    type: Leak,
    input: LeakInput,
    relationshipConnections: LeakRelationshipConnections,
    list: { connection: LeakConnection, args: LeaksArgs, description: 'Leaks, newest first unless ordered otherwise.' },
    upsertNote: 'A new leak needs devices, confidence, reportedOn and sources.',
  },
  Source: {
    type: Source,
    input: SourceInput,
    list: { connection: SourceConnection, args: SourcesArgs, description: 'Sources published by the asOf day; sources without a day are in every view.' },
    deleteNote: 'A source that claims still cite is BAD_USER_INPUT.',
  },
};
