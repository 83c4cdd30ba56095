/**
 * A small co-occurrence network: the entity in the middle, the entities it appears with
 * around it, links weighted by shared articles. The layout comes from d3-force (run to rest
 * before drawing, so nothing moves under the reader's pointer); the drawing is SVG whose
 * nodes are ordinary links, reachable with Tab.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { useMemo } from 'preact/hooks';
import type { EntityRef } from '../api.js';
import { num, t, typeLabel } from '../i18n.js';
import { href } from '../router.js';

interface GraphNode extends SimulationNodeDatum {
  entity: EntityRef;
  weight: number;
  center: boolean;
}

/** Props of {@link Network}. */
export interface NetworkProps {
  center: EntityRef;
  neighbours: { entity: EntityRef; documents: number }[];
  width?: number;
  height?: number;
}

/** Lays out the star graph; pure apart from d3's deterministic simulation. */
export function layoutNetwork(center: EntityRef, neighbours: NetworkProps['neighbours'], width: number, height: number): GraphNode[] {
  const max = Math.max(1, ...neighbours.map((n) => n.documents));
  const nodes: GraphNode[] = [
    { entity: center, weight: max, center: true, x: 0, y: 0, fx: 0, fy: 0 },
    ...neighbours.map((n, i) => {
      // Start on a circle: d3 then only has to relax it, and the result is the same every time.
      const a = (2 * Math.PI * i) / Math.max(1, neighbours.length);
      return { entity: n.entity, weight: n.documents, center: false, x: Math.cos(a) * 100, y: Math.sin(a) * 100 };
    }),
  ];
  const links = neighbours.map((n, i) => ({ source: 0, target: i + 1, weight: n.documents }));
  const sim = forceSimulation<GraphNode>(nodes)
    .force('charge', forceManyBody<GraphNode>().strength(-220))
    .force('link', forceLink<GraphNode, { source: number; target: number; weight: number }>(links).distance((l) => 150 - (90 * l.weight) / max).strength(0.6))
    .force('collide', forceCollide<GraphNode>((n) => radius(n, max) + 26))
    .force('x', forceX<GraphNode>(0).strength(0.04))
    .force('y', forceY<GraphNode>(0).strength(0.08))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // Fit into the box.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 60;
  const sx = (width - 2 * pad) / Math.max(1, Math.max(...xs) - Math.min(...xs));
  const sy = (height - 2 * pad) / Math.max(1, Math.max(...ys) - Math.min(...ys));
  const s = Math.min(sx, sy, 1.5);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  for (const n of nodes) {
    n.x = width / 2 + ((n.x ?? 0) - cx) * s;
    n.y = height / 2 + ((n.y ?? 0) - cy) * s;
  }
  return nodes;
}

function radius(n: GraphNode, max: number): number {
  return n.center ? 14 : 5 + 9 * Math.sqrt(n.weight / max);
}

/** The co-occurrence network. */
export function Network({ center, neighbours, width = 520, height = 360 }: NetworkProps) {
  const key = JSON.stringify([center.id, neighbours.map((n) => [n.entity.id, n.documents])]);
  const nodes = useMemo(() => layoutNetwork(center, neighbours, width, height), [key, width, height]);
  const max = Math.max(1, ...neighbours.map((n) => n.documents));
  const hub = nodes[0];
  return (
    <svg class="network" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('cooccurring')} dir="ltr">
      {nodes.slice(1).map((n) => (
        <line
          key={`l-${n.entity.id}`}
          x1={hub.x}
          y1={hub.y}
          x2={n.x}
          y2={n.y}
          class="edge"
          stroke-width={1 + (4 * n.weight) / max}
        />
      ))}
      {nodes.map((n) => {
        const r = radius(n, max);
        const body = (
          <>
            <circle cx={n.x} cy={n.y} r={r} class={`node ent-${n.entity.type}${n.center ? ' center' : ''}`} />
            <text x={n.x} y={(n.y ?? 0) + r + 14} text-anchor="middle" lang="ar" direction="rtl" unicode-bidi="isolate">
              {n.entity.name}
            </text>
          </>
        );
        return n.center ? (
          <g key={n.entity.id}>{body}</g>
        ) : (
          <a
            key={n.entity.id}
            href={href(`entity/${n.entity.id}`)}
            aria-label={`${n.entity.name} (${typeLabel(n.entity.type)}) — ${num(n.weight)} ${t('sharedDocs')}`}
          >
            {body}
          </a>
        );
      })}
    </svg>
  );
}
