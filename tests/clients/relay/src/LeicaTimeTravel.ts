import { graphql } from 'relay-runtime';

/** The README's time-travel query: Leica's partners on 20 and on 23 May 2022. */
export const leicaTimeTravelQuery = graphql`
  query LeicaTimeTravelQuery {
    before: brand(name: "Leica", asOf: "2022-05-20") { id partners { id name } }
    after: brand(name: "Leica", asOf: "2022-05-23") { id partners { id name } }
  }
`;
