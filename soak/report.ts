/** One line of the report: a test, its figure, and whether it met its bar. */
export interface Row {
  test: string;
  figure: string;
  pass: boolean;
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
${run.audit}
\`\`\`

Triage: where the output above is an error, the advisories endpoint was not reachable from the machine
that ran the soak (its registry mirror answers 405 to \`/-/npm/v1/security/advisories/bulk\`); run
\`npm audit --omit=dev\` where registry.npmjs.org is reachable. The reliability work added two runtime
dependencies, rate-limiter-flexible (no dependencies of its own) and p-limit (one, yocto-queue), and
fast-check for tests and the soak only.
${notes}`;
}
