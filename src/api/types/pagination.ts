import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../config/limits.js';
import type { PageArguments, PageInfoRecord } from '../../model/keyset.js';

@ArgsType()
export class PageArgs implements PageArguments {
  @Field(() => Int, { nullable: true, description: `Page size going forward, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Forward: the page after this cursor (the endCursor of the previous page).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size going backward, at most ${MAX_PAGE_SIZE}; not with first or after.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Backward: the page before this cursor (the startCursor of the next page).' })
  before?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a page of a connection stands among the others (Relay).' })
export class PageInfo implements PageInfoRecord {
  @Field({ description: 'Going forward: whether rows come after this page. Going backward: whether the page ended before a cursor.' })
  hasNextPage!: boolean;

  @Field({ description: 'Going backward: whether rows come before this page. Going forward: whether the page started after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

type Direction = 'ASC' | 'DESC';

/**
 * The orders of a list as a GraphQL enum: `<FIELD>_ASC` and `<FIELD>_DESC` for each field, such as
 * NAME_ASC or PARTNER_COUNT_DESC. The page queries take them apart with sortOrder.
 */
export function createOrderEnum<const TField extends string>(name: string, fields: readonly TField[], description: string) {
  const values = Object.fromEntries(fields.flatMap((field) => [`${field}_ASC`, `${field}_DESC`]).map((value) => [value, value])) as {
    [TValue in `${TField}_${Direction}`]: TValue;
  };
  const valuesConfig = Object.fromEntries(
    fields.flatMap((field) => {
      const words = field.toLowerCase().replace(/_/g, ' ');
      return [
        [`${field}_ASC`, { description: `By ${words}, lowest first.` }],
        [`${field}_DESC`, { description: `By ${words}, highest first.` }],
      ];
    }),
  );
  registerEnumType(values, { name, description, valuesConfig: valuesConfig as Partial<Record<keyof typeof values, { description: string }>> });
  return values;
}
