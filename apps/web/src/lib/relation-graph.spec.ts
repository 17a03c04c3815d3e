import { describe, expect, it } from 'vitest';
import { layoutRelationGraph, truncate, type GraphRelation, type PlacedNode } from './relation-graph';

const endpoint = { id: 'ep', name: 'churn-endpoint', assetType: 'aws.sagemaker.endpoint' };
const asset = (id: string, assetType = 'aws.sagemaker.model') => ({ id, name: `name-${id}`, assetType });

function overlaps(a: PlacedNode, b: PlacedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutRelationGraph', () => {
  it('puts what points at the asset on the left, what it points at on the right, the asset between', () => {
    const relations: GraphRelation[] = [
      { kind: 'uses_config', direction: 'out', asset: asset('cfg', 'aws.sagemaker.endpoint_config') },
      { kind: 'uses_role', direction: 'out', asset: asset('role', 'aws.iam.role') },
      { kind: 'part_of', direction: 'in', asset: asset('dep', 'aws.sagemaker.deployment') },
    ];
    const layout = layoutRelationGraph(endpoint, relations);
    const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

    expect(node('ep').role).toBe('center');
    expect(node('dep').role).toBe('upstream');
    expect(node('cfg').role).toBe('downstream');
    expect(node('dep').x).toBeLessThan(node('ep').x);
    expect(node('ep').x).toBeLessThan(node('cfg').x);
    expect(node('role').x).toBe(node('cfg').x);

    for (const a of layout.nodes) {
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b)).toBe(false);
    }

    expect(layout.edges.map((e) => [e.from, e.to, e.label])).toEqual(
      expect.arrayContaining([
        ['dep', 'ep', 'part_of'],
        ['ep', 'cfg', 'uses_config'],
        ['ep', 'role', 'uses_role'],
      ]),
    );
    expect(layout.edges).toHaveLength(3);
  });

  it('joins the kinds between one pair into one label and draws a neighbour related both ways with two edges', () => {
    const bucket = asset('bucket', 'aws.s3.bucket');
    const layout = layoutRelationGraph(endpoint, [
      { kind: 'reads_data', direction: 'out', asset: bucket },
      { kind: 'writes_output', direction: 'out', asset: bucket },
      { kind: 'reads_data', direction: 'out', asset: bucket },
      { kind: 'uses_storage', direction: 'in', asset: bucket },
    ]);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.nodes.find((n) => n.id === 'bucket')!.role).toBe('downstream');
    expect(layout.edges.map((e) => [e.id, e.label])).toEqual([
      ['ep->bucket', 'reads_data, writes_output'],
      ['bucket->ep', 'uses_storage'],
    ]);
    // Drawn apart so both labels can be read.
    expect(layout.edges[0]!.labelY).not.toBe(layout.edges[1]!.labelY);
  });

  it('keeps each column to the limit and counts what it left out', () => {
    const relations: GraphRelation[] = Array.from({ length: 13 }, (_, i) => ({
      kind: 'uses_role',
      direction: 'in' as const,
      asset: asset(`m${String(i).padStart(2, '0')}`),
    }));
    const layout = layoutRelationGraph(endpoint, relations, { maxPerColumn: 5 });
    expect(layout.nodes.filter((n) => n.role === 'upstream')).toHaveLength(5);
    expect(layout.hidden).toEqual({ upstream: 8, downstream: 0 });
    expect(layout.edges).toHaveLength(5);
  });

  it('draws an asset without relations alone, and ignores an edge to itself', () => {
    const layout = layoutRelationGraph(endpoint, [{ kind: 'part_of', direction: 'out', asset: endpoint }]);
    expect(layout.nodes).toHaveLength(1);
    expect(layout.edges).toEqual([]);
    expect(layout.width).toBe(layout.nodes[0]!.width + 16);
  });

  it('ends every edge on the sides of the boxes it joins', () => {
    const layout = layoutRelationGraph(endpoint, [
      { kind: 'uses_config', direction: 'out', asset: asset('cfg') },
      { kind: 'part_of', direction: 'in', asset: asset('dep') },
    ]);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const edge of layout.edges) {
      // M sx sy C c1x c1y, c2x c2y, ex ey
      const numbers = edge.path.split(/[ ,]+/).map(Number);
      const [sx, ex] = [numbers[1], numbers[8]];
      const from = byId.get(edge.from)!;
      const to = byId.get(edge.to)!;
      expect([from.x, from.x + from.width]).toContain(sx);
      expect([to.x, to.x + to.width]).toContain(ex);
    }
  });
});

describe('truncate', () => {
  it('leaves short text and ends long text with an ellipsis at the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a-rather-long-model-name', 10)).toBe('a-rather-…');
    expect(truncate('a-rather-long-model-name', 10)).toHaveLength(10);
  });
});
