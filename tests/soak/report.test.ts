import { expect, it } from 'vitest';
import { reliabilityReport } from '../../soak/report.js';

const run = {
  command: 'npm run soak',
  rows: [
    { test: 'Mixed load', figure: '70 req/s | p99 2.8 s', pass: true },
    { test: 'Fuzz', figure: '3 answers >= 500', pass: false },
  ],
  written: new Date('2026-12-02T00:40:00Z'),
  minutes: 5.24,
  cores: 2,
  loadAverage: [1, 2.25, 3],
  audit: 'found 0 vulnerabilities',
};

it('tabulates the rows, marks a failed one, and keeps the Notes of the previous report', () => {
  const previous = reliabilityReport({ ...run, previous: '' }) + '\n## Notes\n\nWhy the mixed load failed once.\n';
  const report = reliabilityReport({ ...run, rows: [run.rows[0]!], previous });

  expect(report).toContain('| Mixed load | 70 req/s / p99 2.8 s | pass | `npm run soak` |');
  expect(report).not.toContain('| Fuzz |');
  expect(report).toContain('on 2026-12-02T00:40:00.000Z, in 5.2 minutes, on 2 cores\n(load average at the end 1.0, 2.3, 3.0)');
  expect(report.endsWith('\n## Notes\n\nWhy the mixed load failed once.\n')).toBe(true);
  expect(report.match(/## Notes/g)).toHaveLength(1);
  expect(reliabilityReport({ ...run, previous: '' })).toContain('| Fuzz | 3 answers >= 500 | **FAIL** | `npm run soak` |');
  expect(reliabilityReport({ ...run, previous: '' })).not.toContain('## Notes');
});

it('writes no network address or home path from the tool output it quotes', () => {
  const audit = [
    'npm warn audit 405 Method Not Allowed - POST https://mirror.example.internal:4873/-/npm/v1/security/advisories/bulk',
    'npm error audit endpoint returned an error',
    'npm error fetch failed at registry.example.com:443 and 10.1.2.3:8080',
    'npm error A complete log of this run can be found in: /root/.npm/_logs/2026-12-02T00_47_41_849Z-debug-0.log',
  ].join('\n');
  const report = reliabilityReport({ ...run, audit, previous: '' });

  expect(report).toContain('npm warn audit 405 Method Not Allowed - POST');
  expect(report).toContain('npm error audit endpoint returned an error');
  for (const leaked of ['https://', 'mirror.example.internal', 'registry.example.com', '10.1.2.3', '/root/', '/-/npm/v1']) {
    expect(report).not.toContain(leaked);
  }
  expect(report).not.toMatch(/registry\.npmjs|npmjs\.org/);
});
