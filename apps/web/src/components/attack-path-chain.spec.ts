import { describe, expect, it } from 'vitest';
import { chainLinks } from './attack-path-chain';
import { trendSummary } from './trend-chart';

const node = (assetId: string) => ({
  assetId,
  assetType: 't',
  nativeId: assetId,
  name: assetId,
  role: 'r',
  asset: null,
});

describe('chainLinks', () => {
  it('labels each hop with the relation between the two nodes, in whichever direction the cloud declared it', () => {
    const nodes = ['a', 'b', 'c', 'd'].map(node);
    const links = chainLinks(nodes, [
      { from: 'a', to: 'b', kind: 'uses_role' },
      // The path walks from the account to its deployment; the deployment is part_of the account.
      { from: 'c', to: 'b', kind: 'part_of' },
    ]);
    expect(links).toEqual([{ kind: 'uses_role', forward: true }, { kind: 'part_of', forward: false }, null]);
  });
});

const point = (day: string, score: number) => ({
  day,
  takenAt: `${day}T10:00:00.000Z`,
  score,
  assetsEvaluated: 10,
  assetsFailing: 1,
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
});

describe('trendSummary', () => {
  it('says how the score moved over the period, in words', () => {
    expect(trendSummary([])).toBe('No evaluation in this period.');
    expect(trendSummary([point('2025-06-02', 70)])).toMatch(
      /^Latest score 70 on .*2.*; one evaluated day so far\.$/,
    );
    expect(trendSummary([point('2025-06-01', 50), point('2025-06-02', 70)])).toMatch(
      /^Latest score 70 on .+, up 20 points since .+\.$/,
    );
    expect(trendSummary([point('2025-06-01', 71), point('2025-06-03', 70)])).toMatch(/down 1 point since/);
    expect(trendSummary([point('2025-06-01', 70), point('2025-06-03', 70)])).toMatch(/unchanged since/);
  });
});
