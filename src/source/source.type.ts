import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DatePrecision } from '../common/enums.js';
import { Node } from '../common/node.js';
import { createConnectionType } from '../common/connectionTypes.js';

@ObjectType({ implements: Node, description: 'Where a claim comes from: an article, a post, a filing, an editorial note.' })
export class Source extends Node {
  __typename!: 'Source';

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Only where known; never guessed.' })
  url!: string | null;

  @Field(() => DateResolver, { nullable: true })
  publishedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedOnPrecision!: DatePrecision | null;
}

export const SourceConnection = createConnectionType('Source', Source);

export enum SourceOrder {
  TITLE_ASC = 'TITLE_ASC',
  TITLE_DESC = 'TITLE_DESC',
  PUBLISHED_ON_ASC = 'PUBLISHED_ON_ASC',
  PUBLISHED_ON_DESC = 'PUBLISHED_ON_DESC',
}
registerEnumType(SourceOrder, { name: 'SourceOrder', description: 'Sources without a publication day come last; ties are broken by id.' });
