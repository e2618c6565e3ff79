import { graphql } from 'relay-runtime';

/** The Xiaomi 12S today and as of 20 May 2022, for the store test: one record or two? */
export const twelveSTodayQuery = graphql`
  query TwelveSTodayQuery {
    device(name: "Xiaomi 12S") { id name modelNumber codename chip { id name } }
  }
`;

export const twelveSInMay2022Query = graphql`
  query TwelveSInMay2022Query {
    device(name: "Xiaomi 12S", asOf: "2022-05-20") { id name modelNumber codename chip { id name } }
  }
`;
