import { graphql } from 'relay-runtime';

/** A brand's partners, paged with @connection and refetchable (which needs Query.node(id: ID!)). */
export const brandPartnersFragment = graphql`
  fragment BrandPartners_brand on Brand
  @refetchable(queryName: "BrandPartnersPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    name
    partnersConnection(first: $count, after: $cursor) @connection(key: "BrandPartners_partnersConnection") {
      edges {
        confidence
        node { id name }
      }
    }
  }
`;

export const brandPartnersQuery = graphql`
  query BrandPartnersQuery($name: String!) {
    brand(name: $name) { ...BrandPartners_brand }
  }
`;
