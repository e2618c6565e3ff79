import { describe, expect, it } from 'vitest';
import { useEditingApp } from '../helpers/editing.js';
import { CAMERA_BRANDS, claimsOf, rawAnswer, writeDeviceWithTwoLeicaClaims } from './operations.js';
import { cached, urqlClient } from './urqlClient.js';

// Issue 21, item 3: a relationship connection lists one edge per claim, so a node with two claims comes
// twice, and urql's relayPagination keeps one edge per node. This fails until connections have one edge
// per node; it was moved here from urql.test.ts, unchanged, so that the time-travel and id work could be
// judged apart from it. (Apollo's relayStylePagination keeps both edges: its test stays in apolloClient.test.ts.)
const MARKER = 'urqlcdup';
const running = useEditingApp(MARKER);
const baseUrl = () => running().baseUrl;

describe('urql with graphcache and relayPagination', () => {
  it('keeps both claims of a node that a connection lists twice', async () => {
    const name = await writeDeviceWithTwoLeicaClaims(running(), MARKER);
    const client = urqlClient(baseUrl());
    const raw = await rawAnswer(baseUrl(), CAMERA_BRANDS, { name });
    expect(claimsOf(raw.device.cameraBrandsConnection)).toEqual(expect.arrayContaining(['brand:leica RUMORED', 'brand:leica SPECULATED']));
    const answer = await cached(client, CAMERA_BRANDS, { name });
    expect(claimsOf(answer.device.cameraBrandsConnection)).toEqual(claimsOf(raw.device.cameraBrandsConnection));
  });
});
