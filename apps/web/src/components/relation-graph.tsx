import { Box, Text } from '@mantine/core';
import { useId, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { assetTypeLabel } from '../lib/format';
import {
  layoutRelationGraph,
  truncate,
  type GraphAsset,
  type GraphRelation,
  type PlacedEdge,
  type PlacedNode,
} from '../lib/relation-graph';

const NAME_CHARS = 26;
const TYPE_CHARS = 30;
/** Roughly the width of one character of the 11 px label font, to size the label's backdrop. */
const LABEL_CHAR_WIDTH = 6.1;

/**
 * The asset, what points at it (left) and what it points at (right), with each edge labelled by its relation
 * kinds. Every neighbour is a link to its own asset page, so the graph can be walked one hop at a time.
 */
export function RelationGraph({
  asset,
  relations,
  hrefOf,
}: {
  asset: GraphAsset;
  relations: readonly GraphRelation[];
  hrefOf: (assetId: string) => string;
}) {
  const layout = layoutRelationGraph(asset, relations);
  const markerId = `arrow-${useId().replace(/:/g, '')}`;
  const hidden = layout.hidden.upstream + layout.hidden.downstream;

  return (
    <Box>
      <Box style={{ overflowX: 'auto' }}>
        <svg
          role="group"
          aria-label={`Relations of ${asset.name}`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          style={{ display: 'block', maxWidth: '100%', height: 'auto', margin: '0 auto' }}
        >
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-dimmed)" />
            </marker>
          </defs>
          {layout.edges.map((edge) => (
            <EdgeLine key={edge.id} edge={edge} markerId={markerId} />
          ))}
          {layout.edges.map((edge) => (
            <EdgeLabel key={edge.id} edge={edge} />
          ))}
          {layout.nodes.map((node) =>
            node.role === 'center' ? (
              <NodeBox key={node.id} node={node} />
            ) : (
              <NodeLink key={node.id} node={node} href={hrefOf(node.id)} />
            ),
          )}
        </svg>
      </Box>
      {hidden > 0 ? (
        <Text size="xs" c="dimmed" ta="center" mt={4}>
          {hidden} more related asset{hidden === 1 ? '' : 's'} in the list below
        </Text>
      ) : null}
    </Box>
  );
}

function EdgeLine({ edge, markerId }: { edge: PlacedEdge; markerId: string }) {
  return (
    <path
      d={edge.path}
      fill="none"
      stroke="var(--mantine-color-default-border)"
      strokeWidth={1.5}
      markerEnd={`url(#${markerId})`}
    />
  );
}

function EdgeLabel({ edge }: { edge: PlacedEdge }) {
  const text = truncate(edge.label, 28);
  const width = text.length * LABEL_CHAR_WIDTH + 10;
  return (
    <g aria-hidden>
      <rect
        x={edge.labelX - width / 2}
        y={edge.labelY - 9}
        width={width}
        height={18}
        rx={9}
        fill="var(--mantine-color-body)"
        stroke="var(--mantine-color-default-border)"
      />
      <text
        x={edge.labelX}
        y={edge.labelY}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={11}
        fontFamily="var(--mantine-font-family-monospace)"
        fill="var(--mantine-color-dimmed)"
      >
        {text}
      </text>
    </g>
  );
}

/** The two lines of a node: its type over its name. */
function NodeContent({ node, highlighted }: { node: PlacedNode; highlighted: boolean }) {
  return (
    <>
      <title>{`${node.name} (${assetTypeLabel(node.assetType)})`}</title>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={8}
        fill={highlighted ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default)'}
        stroke={highlighted ? 'var(--mantine-color-indigo-filled)' : 'var(--mantine-color-default-border)'}
        strokeWidth={highlighted ? 2 : 1}
      />
      <text x={node.x + 10} y={node.y + 17} fontSize={10.5} fill="var(--mantine-color-dimmed)">
        {truncate(assetTypeLabel(node.assetType), TYPE_CHARS)}
      </text>
      <text
        x={node.x + 10}
        y={node.y + 35}
        fontSize={13}
        fontWeight={600}
        fill={highlighted ? 'var(--mantine-color-indigo-text)' : 'var(--mantine-color-text)'}
      >
        {truncate(node.name, NAME_CHARS)}
      </text>
    </>
  );
}

function NodeBox({ node }: { node: PlacedNode }) {
  return (
    <g aria-label={`${node.name} (this asset)`}>
      <NodeContent node={node} highlighted />
    </g>
  );
}

/** An SVG link (not a router `<Link>`, which renders HTML): a plain click navigates inside the console. */
function NodeLink({ node, href }: { node: PlacedNode; href: string }) {
  const navigate = useNavigate();
  // Enter on a focused link fires a click too; a modified or middle click keeps the browser's own behaviour.
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(href);
  };
  return (
    <a
      href={href}
      aria-label={`${node.name} (${assetTypeLabel(node.assetType)})`}
      onClick={follow}
      style={{ cursor: 'pointer' }}
    >
      <NodeContent node={node} highlighted={false} />
    </a>
  );
}
