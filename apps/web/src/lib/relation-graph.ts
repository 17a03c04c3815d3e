/** An asset as the graph draws it. */
export interface GraphAsset {
  id: string;
  name: string;
  assetType: string;
}

/** One edge of the asset, as the single-asset API returns it: `out` points from the asset to `asset`. */
export interface GraphRelation {
  kind: string;
  direction: 'out' | 'in';
  asset: GraphAsset;
}

export interface PlacedNode extends GraphAsset {
  x: number;
  y: number;
  width: number;
  height: number;
  /** `upstream` assets point at the centre (left column), `downstream` ones are pointed at (right column). */
  role: 'center' | 'upstream' | 'downstream';
}

export interface PlacedEdge {
  /** Stable key: `from->to`. */
  id: string;
  from: string;
  to: string;
  /** The relation kinds between the two, joined (`uses_role, encrypted_by`). */
  label: string;
  /** SVG path data of a horizontal cubic curve from the source's side to the target's side. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Neighbours left out because a column was full, per column. */
  hidden: { upstream: number; downstream: number };
}

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  columnGap?: number;
  rowGap?: number;
  padding?: number;
  /** At most this many neighbours per column; the rest are counted in `hidden`. */
  maxPerColumn?: number;
}

interface Neighbour {
  asset: GraphAsset;
  kinds: { out: string[]; in: string[] };
}

/**
 * A layered layout of an asset and its direct neighbours: what points at the asset on the left, what the asset
 * points at on the right, the asset in the middle; one curved, labelled edge per connected pair and direction.
 * A neighbour related both ways sits on the right and gets an edge each way. Pure, so it is unit-tested.
 */
export function layoutRelationGraph(
  center: GraphAsset,
  relations: readonly GraphRelation[],
  options: LayoutOptions = {},
): GraphLayout {
  const {
    nodeWidth = 200,
    nodeHeight = 48,
    columnGap = 140,
    rowGap = 14,
    padding = 8,
    maxPerColumn = 8,
  } = options;

  const byId = new Map<string, Neighbour>();
  for (const r of relations) {
    if (r.asset.id === center.id) continue; // a self-edge says nothing a person can follow
    const n = byId.get(r.asset.id) ?? { asset: r.asset, kinds: { out: [], in: [] } };
    if (!n.kinds[r.direction].includes(r.kind)) n.kinds[r.direction].push(r.kind);
    byId.set(r.asset.id, n);
  }
  const order = (a: Neighbour, b: Neighbour) =>
    firstKind(a).localeCompare(firstKind(b)) ||
    a.asset.assetType.localeCompare(b.asset.assetType) ||
    a.asset.name.localeCompare(b.asset.name) ||
    a.asset.id.localeCompare(b.asset.id);
  const all = [...byId.values()];
  const downstreamAll = all.filter((n) => n.kinds.out.length > 0).sort(order);
  const upstreamAll = all.filter((n) => n.kinds.out.length === 0).sort(order);
  const downstream = downstreamAll.slice(0, maxPerColumn);
  const upstream = upstreamAll.slice(0, maxPerColumn);

  const columnHeight = (count: number) => Math.max(1, count) * nodeHeight + Math.max(0, count - 1) * rowGap;
  const innerHeight = Math.max(columnHeight(upstream.length), columnHeight(downstream.length), nodeHeight);
  const height = innerHeight + padding * 2;

  const leftX = padding;
  const centerX = upstream.length > 0 ? leftX + nodeWidth + columnGap : padding;
  const rightX = centerX + nodeWidth + columnGap;
  const width = (downstream.length > 0 ? rightX + nodeWidth : centerX + nodeWidth) + padding;

  const place = (list: Neighbour[], x: number, role: PlacedNode['role']): PlacedNode[] => {
    const top = padding + (innerHeight - columnHeight(list.length)) / 2;
    return list.map((n, index) => ({
      ...n.asset,
      x,
      y: top + index * (nodeHeight + rowGap),
      width: nodeWidth,
      height: nodeHeight,
      role,
    }));
  };
  const centerNode: PlacedNode = {
    ...center,
    x: centerX,
    y: padding + (innerHeight - nodeHeight) / 2,
    width: nodeWidth,
    height: nodeHeight,
    role: 'center',
  };
  const upstreamNodes = place(upstream, leftX, 'upstream');
  const downstreamNodes = place(downstream, rightX, 'downstream');

  const midY = (n: PlacedNode) => n.y + n.height / 2;
  const edges: PlacedEdge[] = [];
  upstream.forEach((n, i) => {
    const node = upstreamNodes[i]!;
    edges.push(
      curve(
        node.id,
        center.id,
        n.kinds.in,
        [node.x + nodeWidth, midY(node)],
        [centerX, midY(centerNode)],
        0.3,
      ),
    );
  });
  downstream.forEach((n, i) => {
    const node = downstreamNodes[i]!;
    const both = n.kinds.in.length > 0;
    // Two edges between the same pair are drawn a little apart so both labels can be read.
    const offset = both ? nodeHeight / 5 : 0;
    edges.push(
      curve(
        center.id,
        node.id,
        n.kinds.out,
        [centerX + nodeWidth, midY(centerNode) - offset],
        [node.x, midY(node) - offset],
        0.7,
      ),
    );
    if (both) {
      edges.push(
        curve(
          node.id,
          center.id,
          n.kinds.in,
          [node.x, midY(node) + offset],
          [centerX + nodeWidth, midY(centerNode) + offset],
          0.3,
        ),
      );
    }
  });

  return {
    width,
    height,
    nodes: [centerNode, ...upstreamNodes, ...downstreamNodes],
    edges,
    hidden: {
      upstream: upstreamAll.length - upstream.length,
      downstream: downstreamAll.length - downstream.length,
    },
  };
}

function firstKind(n: Neighbour): string {
  return n.kinds.out[0] ?? n.kinds.in[0] ?? '';
}

/**
 * A horizontal S-curve from `start` to `end`, its label at `t` along it: near the neighbour's end, where the edges
 * are a row apart, rather than near the centre, where they all meet.
 */
function curve(
  from: string,
  to: string,
  kinds: string[],
  start: [number, number],
  end: [number, number],
  t: number,
): PlacedEdge {
  const [sx, sy] = start;
  const [ex, ey] = end;
  const mx = (sx + ex) / 2;
  const u = 1 - t;
  // Cubic Bezier with control points (mx, sy) and (mx, ey).
  const labelX = u * u * u * sx + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * ex;
  const labelY = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ey + t * t * t * ey;
  return {
    id: `${from}->${to}`,
    from,
    to,
    label: kinds.join(', '),
    path: `M ${sx} ${sy} C ${mx} ${sy}, ${mx} ${ey}, ${ex} ${ey}`,
    labelX,
    labelY,
  };
}

/** Shortens text to `max` characters with an ellipsis, for SVG text that cannot wrap. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
