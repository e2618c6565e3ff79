import { graphql } from 'relay-runtime';

/** A device's camera brands, one edge per brand with every claim about it, paged with @connection and refetchable. */
export const deviceCameraBrandsFragment = graphql`
  fragment DeviceCameraBrands_device on Device
  @refetchable(queryName: "DeviceCameraBrandsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    name
    codename
    chip { id name }
    cameraBrandsConnection(first: $count, after: $cursor) @connection(key: "DeviceCameraBrands_cameraBrandsConnection") {
      edges {
        confidence
        node { id name }
        claims(first: 10) { edges { confidence } }
      }
    }
  }
`;

export const deviceCameraBrandsQuery = graphql`
  query DeviceCameraBrandsQuery($name: String!, $asOf: Date) {
    device(name: $name, asOf: $asOf) { ...DeviceCameraBrands_device }
  }
`;
