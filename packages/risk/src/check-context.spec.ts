import { describe, expect, it } from 'vitest';
import { InventoryGraph, ReadLog, peerKey } from './check-context';
import { testAsset } from './testing';

const agent = (n: number) =>
  testAsset({
    provider: 'aws',
    assetType: 'aws.bedrock.agent',
    nativeId: `arn:aws:bedrock:us-east-1:1:agent/${n}`,
  });
const role = testAsset({
  provider: 'aws',
  assetType: 'aws.iam.role',
  nativeId: 'arn:aws:iam::1:role/shared',
});
const endpoint = testAsset({
  provider: 'aws',
  assetType: 'aws.ec2.vpc_endpoint',
  nativeId: 'vpce-1',
  region: 'eu-west-1',
});
const uses = (from: string) => ({ fromNativeId: from, kind: 'uses_role', toNativeId: role.nativeId });

describe('InventoryGraph', () => {
  it('answers relations both ways, names undiscovered targets, and finds peers of an account', () => {
    const a1 = agent(1);
    const g = new InventoryGraph(
      [a1, agent(2), role, endpoint],
      [
        uses(a1.nativeId),
        uses(agent(2).nativeId),
        { fromNativeId: a1.nativeId, kind: 'encrypted_by', toNativeId: 'arn:aws:kms:us-east-1:1:key/gone' },
      ],
    );
    const ctx = g.contextOf(a1);
    expect(ctx.outgoing('uses_role')).toEqual([role]);
    expect(ctx.outgoing('encrypted_by')).toEqual([]);
    expect(ctx.outgoingIds('encrypted_by')).toEqual(['arn:aws:kms:us-east-1:1:key/gone']);
    expect(
      ctx
        .around(role)
        .incoming('uses_role')
        .map((a) => a.nativeId),
    ).toEqual([a1.nativeId, agent(2).nativeId]);
    expect(ctx.inAccount('aws.ec2.vpc_endpoint')).toEqual([endpoint]);
    expect(ctx.inAccount('aws.ec2.vpc_endpoint', 'us-east-1')).toEqual([]);
    expect(g.takeMisses()).toEqual({ peers: [], edgesOf: [] });
  });

  it('keeps each relation once however often it is added', () => {
    const a1 = agent(1);
    const g = new InventoryGraph([a1, role], [uses(a1.nativeId), uses(a1.nativeId)]);
    expect(g.contextOf(role).incoming('uses_role')).toEqual([a1]);
  });

  it('in partial mode, records what it does not hold instead of answering from it', () => {
    const a1 = agent(1);
    const peers = new Map<string, readonly (typeof endpoint)[]>();
    const g = new InventoryGraph([a1, role], [uses(a1.nativeId)], { partial: { peers } });
    g.markEdgesLoaded([a1.nativeId]);
    const ctx = g.contextOf(a1);
    expect(ctx.around(role).incoming('uses_role')).toEqual([a1]);
    expect(ctx.inAccount('aws.ec2.vpc_endpoint')).toEqual([]);
    const misses = g.takeMisses();
    expect(misses.edgesOf).toEqual([role]);
    expect(misses.peers).toEqual([{ accountId: a1.accountId, assetType: 'aws.ec2.vpc_endpoint' }]);
    expect(g.takeMisses()).toEqual({ peers: [], edgesOf: [] });

    // Once loaded, the same questions are answered and nothing is missed.
    g.addAsset(agent(2));
    g.addRelation(uses(agent(2).nativeId));
    g.markEdgesLoaded([role.nativeId]);
    peers.set(peerKey(a1.accountId, 'aws.ec2.vpc_endpoint'), [endpoint]);
    expect(ctx.around(role).incoming('uses_role')).toHaveLength(2);
    expect(ctx.inAccount('aws.ec2.vpc_endpoint', 'eu-west-1')).toEqual([endpoint]);
    expect(g.takeMisses()).toEqual({ peers: [], edgesOf: [] });
  });

  it('records in a ReadLog every neighbour handed out, two hops away too, and every peer type asked', () => {
    const a1 = agent(1);
    const a2 = agent(2);
    const g = new InventoryGraph([a1, a2, role, endpoint], [uses(a1.nativeId), uses(a2.nativeId)]);
    const reads = new ReadLog();
    const ctx = g.contextOf(a1, reads);
    ctx.around(ctx.outgoing('uses_role')[0]!).incoming('uses_role');
    ctx.inAccount('aws.ec2.vpc_endpoint');
    expect([...reads.assetIds].sort()).toEqual([a1.id, a2.id, role.id].sort());
    expect([...reads.peerTypes]).toEqual(['aws.ec2.vpc_endpoint']);
    // Without a log nothing is recorded, and a log is not shared between contexts.
    const other = new ReadLog();
    g.contextOf(a2).outgoing('uses_role');
    expect(other.assetIds.size).toBe(0);
  });
});
