import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { TAttackPath } from '@aispm/contracts';
import { assetTypeLabel } from '../lib/format';

type Node = TAttackPath['nodes'][number];
type Edge = TAttackPath['edges'][number];

/** How a step of the chain is joined to the next: the relation kind, and whether it points along the path. */
export interface ChainLink {
  kind: string;
  /** true: the relation points from this node to the next (`uses_role`); false: from the next to this (`part_of`). */
  forward: boolean;
}

/** The relation between each pair of consecutive nodes, or null where the stored edges do not say. */
export function chainLinks(nodes: readonly Node[], edges: readonly Edge[]): (ChainLink | null)[] {
  return nodes.slice(1).map((next, i) => {
    const from = nodes[i]!.assetId;
    const along = edges.find((e) => e.from === from && e.to === next.assetId);
    if (along) return { kind: along.kind, forward: true };
    const back = edges.find((e) => e.from === next.assetId && e.to === from);
    return back ? { kind: back.kind, forward: false } : null;
  });
}

const kindLabel = (kind: string) => kind.replace(/_/g, ' ');

function Arrow({ link }: { link: ChainLink | null }) {
  const label = link
    ? link.forward
      ? `${kindLabel(link.kind)} →`
      : `← ${kindLabel(link.kind)}`
    : 'leads to';
  return (
    <Stack component="li" gap={2} align="center" justify="center" miw={96} aria-label={`then, via ${label}`}>
      <Text size="xs" c="dimmed" ta="center" ff="monospace">
        {label}
      </Text>
      <svg width="88" height="12" viewBox="0 0 88 12" aria-hidden focusable="false">
        <line x1="2" y1="6" x2="78" y2="6" stroke="var(--mantine-color-dimmed)" strokeWidth="2" />
        <path d="M 76 1 L 86 6 L 76 11 z" fill="var(--mantine-color-dimmed)" />
      </svg>
    </Stack>
  );
}

function NodeCard({
  node,
  index,
  assetHref,
}: {
  node: Node;
  index: number;
  assetHref: (id: string) => string;
}) {
  const asset = node.asset;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      w={220}
      aria-label={`Step ${index + 1}: ${node.name}`}
    >
      <Stack gap={6}>
        <Text size="xs" fw={700} c={index === 0 ? 'red.7' : 'indigo.7'} lh={1.3}>
          {node.role}
        </Text>
        {asset && !asset.deletedAt ? (
          <Anchor
            component={Link}
            to={assetHref(asset.id)}
            fw={650}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {asset.name}
          </Anchor>
        ) : (
          <Text fw={650} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {node.name}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {assetTypeLabel(node.assetType)}
        </Text>
        {!asset ? (
          <Text size="xs" c="dimmed">
            No longer in the inventory
          </Text>
        ) : asset.deletedAt ? (
          <Text size="xs" c="dimmed">
            Deleted from the cloud
          </Text>
        ) : asset.criticality || asset.owner ? (
          <Text size="xs" c="dimmed">
            {[asset.criticality && `${asset.criticality} criticality`, asset.owner && `owner ${asset.owner}`]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The path as a left-to-right chain: each asset with the part the rule gives it, joined by arrows labelled with
 * the relation that leads on (`uses_role →`, or `← part_of` where the relation points back along the chain).
 */
export function AttackPathChain({
  path,
  assetHref,
}: {
  path: Pick<TAttackPath, 'nodes' | 'edges' | 'title'>;
  assetHref: (id: string) => string;
}) {
  const links = chainLinks(path.nodes, path.edges);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Group
        component="ol"
        aria-label={`Chain of ${path.title}`}
        wrap="wrap"
        gap="xs"
        align="stretch"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {path.nodes.map((node, i) => (
          <Fragment key={`${node.assetId}-${i}`}>
            {i > 0 ? <Arrow link={links[i - 1] ?? null} /> : null}
            <NodeCard node={node} index={i} assetHref={assetHref} />
          </Fragment>
        ))}
      </Group>
    </Box>
  );
}
