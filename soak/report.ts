/** One line of the report: a test, its figure, and whether it met its bar. */
export interface Row {
  test: string;
  figure: string;
  pass: boolean;
}

/**
 * Tool output with the addresses in it taken out: URLs, host names, IP addresses and home directories say
 * which registry, mirror or machine ran the soak, and none of them belongs in a document of the project.
 */
export function withoutAddresses(output: string): string {
  return output
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>]+/gi, '<url>')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>')
    .replace(/\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|io|dev|app|cloud|internal|local|lan|corp|example)\b(?::\d+)?/gi, '<host>')
    .replace(/(?:\/root(?![^/\s])|\/home\/[^/\s]+|\/Users\/[^/\s]+)(?:\/\S*)?|~\/\S*/g, '<home>');
}

/** What engineers wrote under this heading of docs/reliability.md (how a figure was explained) survives a rerun. */
const NOTES_HEADING = '\n## Notes\n';

/** docs/reliability.md for one soak run: the rows as a table, the audit's output, and the notes of `previous`. */
export function reliabilityReport(run: {
  command: string;
  rows: Row[];
  written: Date;
  minutes: number;
  cores: number;
  loadAverage: number[];
  audit: string;
  previous: string;
}): string {
  const notes = run.previous.includes(NOTES_HEADING) ? run.previous.slice(run.previous.indexOf(NOTES_HEADING)) : '';
  const table = run.rows.map((row) => `| ${row.test} | ${row.figure.replaceAll('|', '/')} | ${row.pass ? 'pass' : '**FAIL**'} | \`${run.command}\` |`);
  return `# Reliability

Written by \`${run.command}\` (soak/main.ts) on ${run.written.toISOString()}, in ${run.minutes.toFixed(1)} minutes, on ${run.cores} cores
(load average at the end ${run.loadAverage.map((load) => load.toFixed(1)).join(', ')}).
Everything runs on loopback against the built server (\`dist/src/server/main.js\`), each server with a store of its own.
Shortened versions of the fuzz, kill-and-recover and group-SIGTERM runs are in \`npm test\` (tests/server/reliability.test.ts).

| Test | Figure | Result | Command |
| --- | --- | --- | --- |
${table.join('\n')}

## npm audit --omit=dev

\`\`\`
${withoutAddresses(run.audit)}
\`\`\`

Triage: where the output above is an error, the advisories endpoint was not reachable from the machine
that ran the soak (its registry mirror refuses the bulk advisories request); run
\`npm audit --omit=dev\` where the public registry is reachable. The reliability work added two runtime
dependencies, rate-limiter-flexible (no dependencies of its own) and p-limit (one, yocto-queue), and
fast-check for tests and the soak only.
${notes}`;
}
