import { Field, ID, InputType } from 'type-graphql';
import { BrandRole, Confidence, DeviceStatus, PartnershipKind, Relation } from '../../model/enums.js';
import type { ClaimEnds, ClaimVerdictEdit, LinkEdit, RecordLeakEdit, SourceEdit, UnlinkEdit } from '../../store/records/edits.js';

/*
 * Inputs of the mutations. Field names are those of the import records (src/model/records.ts), whose
 * schemas validate every write, so an error's `extensions.field` ("input.name") names the input field.
 * Omitted fields keep their stored value; on a new entity they take the import defaults.
 * Dates are partial ISO dates: "2022-05-23", "2022-05" or "2022".
 */

const PARTIAL_DATE = { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY; the precision is kept.' };
const MIXED_SCRIPTS = {
  nullable: true,
  description:
    'A name or alias mixing scripts (Latin with Cyrillic or Greek, say) is refused as a likely look-alike unless this is true. CJK with one alphabet is always allowed.',
};
const DERIVED_ID = (from: string, example: string) => ({
  nullable: true,
  description: `Derived from ${from} unless given, such as "${example}". Writes are idempotent by id.`,
});

@InputType()
export class BrandInput {
  @Field(() => ID, DERIVED_ID('the name', 'brand:leica'))
  id?: string | null;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => Boolean, MIXED_SCRIPTS)
  allowMixedScripts?: boolean | null;

  @Field(() => [BrandRole], { nullable: true })
  roles?: BrandRole[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "DE".' })
  country?: string | null;
}

@InputType()
export class ChipInput {
  @Field(() => ID, DERIVED_ID('the name', 'chip:snapdragon-8-gen-1'))
  id?: string | null;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => Boolean, MIXED_SCRIPTS)
  allowMixedScripts?: boolean | null;

  @Field(() => String, { nullable: true })
  partNumber?: string | null;
}

@InputType()
export class DeviceInput {
  @Field(() => ID, DERIVED_ID('the name', 'device:xiaomi-12s-pro'))
  id?: string | null;

  @Field()
  name!: string;

  @Field(() => [String], { nullable: true })
  aliases?: string[] | null;

  @Field(() => Boolean, MIXED_SCRIPTS)
  allowMixedScripts?: boolean | null;

  @Field(() => DeviceStatus, { nullable: true, description: 'RUMORED for a new device unless given.' })
  status?: DeviceStatus | null;

  @Field(() => String, PARTIAL_DATE)
  announcedOn?: string | null;
}

@InputType()
export class SourceInput implements SourceEdit {
  @Field(() => ID, DERIVED_ID('the title', 'source:xiaomi-12s-alleged-image-leaks'))
  id?: string | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) only.' })
  url?: string | null;

  @Field(() => String, PARTIAL_DATE)
  publishedOn?: string | null;
}

/** The provenance every claim needs; required on a new claim, kept from the stored one when omitted. */
@InputType()
class ProvenanceInput {
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Field(() => String, { ...PARTIAL_DATE, description: 'When the claim was reported: YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Ids of the sources that assert it; at least one.' })
  sources?: string[] | null;
}

@InputType()
export class PartnershipInput extends ProvenanceInput {
  @Field(() => ID, DERIVED_ID('the brand ids', 'partnership:leica-xiaomi'))
  id?: string | null;

  @Field(() => [ID], { description: 'The brands party to it: at least two.' })
  brands!: string[];

  @Field(() => PartnershipKind, { nullable: true })
  kind?: PartnershipKind | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, PARTIAL_DATE)
  announcedOn?: string | null;

  @Field(() => String, PARTIAL_DATE)
  startedOn?: string | null;

  @Field(() => String, PARTIAL_DATE)
  endedOn?: string | null;
}

@InputType()
export class LeakInput extends ProvenanceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Random for a new leak unless given, such as "leak:3f9c2a7d1b6e4f08"; never derived from the summary, which may not be public. Give the id to update a leak or to retry a write idempotently.',
  })
  id?: string | null;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Where it appeared: Weibo, an IMEI database, ...' })
  platform?: string | null;

  @Field(() => String, { nullable: true })
  tipster?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Ids of the devices it is about: at least one.' })
  devices?: string[] | null;
}

/** Which relationship claims: those of `relation` from one entity to another. */
@InputType()
class ClaimEndsInput implements ClaimEnds {
  @Field(() => Relation)
  relation!: Relation;

  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;
}

@InputType({ description: 'A relationship claim: `relation` from one entity to another, with its provenance.' })
export class LinkInput extends ClaimEndsInput implements LinkEdit {
  @Field(() => Confidence)
  confidence!: Confidence;

  @Field({ description: 'YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn!: string;

  @Field(() => [ID], { description: 'Ids of the sources that assert it; at least one. A claim is identified by relation, ends and sources.' })
  sources!: string[];
}

@InputType({ description: 'Which claims to remove: all of `relation` between the two, or only the one citing exactly `sources`.' })
export class UnlinkInput extends ClaimEndsInput implements UnlinkEdit {
  @Field(() => [ID], { nullable: true })
  sources?: string[] | null;
}

@InputType({
  description:
    'A new claim confirming or denying the existing claims of `relation` between two entities, from a source none of them cites. The old claims stay.',
})
export class ClaimVerdictInput extends ClaimEndsInput implements ClaimVerdictEdit {
  @Field({ description: 'When the confirmation or denial was reported: YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn!: string;

  @Field(() => [ID], { nullable: true, description: 'Existing sources of the new claim.' })
  sources?: string[] | null;

  @Field(() => SourceInput, { nullable: true, description: 'A source to create (or update) and cite, in the same transaction.' })
  newSource?: SourceInput | null;
}

@InputType({ description: "A relationship the leak asserts; it takes the leak's confidence, date and sources unless given." })
export class LeakClaimInput extends ClaimEndsInput {
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;
}

@InputType({ description: 'A device attribute the leak reports, such as "identity.codename"; it takes the leak\'s provenance.' })
export class LeakSpecInput {
  @Field(() => ID)
  device!: string;

  @Field({ description: 'A dotted key such as "display.refreshRateHz".' })
  key!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;
}

@InputType({ description: 'A leak, the source it came from and what it claims, written in one transaction.' })
export class RecordLeakInput extends LeakInput implements RecordLeakEdit {
  @Field(() => SourceInput, { description: 'Where the leak was reported; created, or updated when its id exists. Cited by every claim below.' })
  source!: SourceInput;

  @Field(() => [LeakClaimInput], { nullable: true })
  claims?: LeakClaimInput[] | null;

  @Field(() => [LeakSpecInput], { nullable: true })
  specs?: LeakSpecInput[] | null;
}
