import { FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { DatePrecision } from '../../model/enums.js';
import { partialDateOf } from '../../model/partialDate.js';
import { Claim } from '../types/claim.js';
import { Device } from '../types/device.js';
import { PartialDate, partialDateFieldOf } from '../types/partialDate.js';
import { Partnership } from '../types/partnership.js';
import { Source } from '../types/source.js';

/**
 * The types whose dates are stored as a day plus `<field>Precision`, and those fields. Each `<name>On` gets a
 * `<name>` of type PartialDate beside it (reportedOn: reported), which carries the precision in the value.
 */
const DATED_FIELDS: Array<{ type: ClassType | typeof Claim; fields: Record<string, string>; required?: boolean }> = [
  { type: Claim, fields: { reportedOn: 'When the claim was first reported.' }, required: true },
  { type: Device, fields: { announcedOn: 'When it was announced, where known.' } },
  { type: Source, fields: { publishedOn: 'When it was published, where known.' } },
  {
    type: Partnership,
    fields: { announcedOn: 'When it was announced, where known.', startedOn: 'When it started, where known.', endedOn: 'When it ended, where known.' },
  },
];

type Dated = Record<string, string | null | undefined>;

function partialDateResolver(type: ClassType | typeof Claim, fields: Record<string, string>, required: boolean): ClassType {
  class PartialDateFields {}
  Object.defineProperty(PartialDateFields, 'name', { value: `${type.name}PartialDateFields` });
  const prototype = PartialDateFields.prototype as unknown as Record<string, (parent: Dated) => PartialDate | null>;
  for (const [field, description] of Object.entries(fields)) {
    const name = partialDateFieldOf(field);
    prototype[name] = (parent) => partialDateOf(parent[field], parent[`${field}Precision`] as DatePrecision | null | undefined);
    FieldResolver(() => PartialDate, { nullable: !required, description: `${description} One value with its precision.` })(
      prototype,
      name,
      Object.getOwnPropertyDescriptor(prototype, name)!,
    );
    Root()(prototype, name, 0);
  }
  Resolver(() => type)(PartialDateFields);
  return PartialDateFields;
}

export const partialDateResolvers: ClassType[] = DATED_FIELDS.map(({ type, fields, required = false }) => partialDateResolver(type, fields, required));
