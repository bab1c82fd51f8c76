/**
 * How the Mesh page writes its views for people: which tab the URL asks for, node ids as names, bytes, modes and
 * resolution statuses in words and the colour each deserves. Pure, so the rules are tested without a browser.
 */
import type { EffectiveWaypointStatus, EffectiveMode, WaypointCard } from '@/lib/mesh/views-types';
import type { NamespaceMode } from '@/lib/mesh/types';
import type { Dataplane } from '@/lib/istio';
import type { Tone } from '@/components/overview/posture-format';

/** The page's tabs, in order; the first is the default and is left out of the URL. */
export const MESH_TABS = [
  { id: 'waypoints', label: 'Waypoints' },
  { id: 'mtls', label: 'mTLS' },
] as const;

/** A tab's id. */
export type MeshTab = (typeof MESH_TABS)[number]['id'];

/** The tab the query string (`tab=mtls`) asks for; the default for anything else. */
export function meshTab(query: string): MeshTab {
  const asked = new URLSearchParams(query).get('tab');
  return MESH_TABS.find((t) => t.id === asked)?.id ?? MESH_TABS[0].id;
}

/** `/mesh?…` showing `tab`, keeping the rest of the query (the shell's view) as it is. */
export function meshTabHref(query: string, tab: MeshTab): string {
  const params = new URLSearchParams(query);
  if (tab === MESH_TABS[0].id) params.delete('tab');
  else params.set('tab', tab);
  const search = params.toString();
  return search === '' ? '/mesh' : `/mesh?${search}`;
}

/** A graph node id as a person reads it: `bookinfo/details-v1`, "unknown (outside the mesh)", `api.stripe.com`. */
export function nodeName(id: string): string {
  if (id === 'unknown') return 'unknown (outside the mesh)';
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

/** A SPIFFE identity shortened to `ns/sa` for reading (`spiffe://cluster.local/ns/legacy/sa/inventory`). */
export function shortPrincipal(spiffe: string): string {
  const m = /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(spiffe);
  return m ? `${m[1]}/${m[2]}` : spiffe;
}

/** Bytes per second: `820 B/s`, `9.96 kB/s`, `1.2 MB/s`; an em dash when unknown. */
export function bytesText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1_000) return `${Math.round(bytes)} B/s`;
  if (bytes < 1_000_000) return `${Number((bytes / 1_000).toFixed(bytes < 10_000 ? 2 : 1))} kB/s`;
  return `${Number((bytes / 1_000_000).toFixed(1))} MB/s`;
}

/**
 * A PeerAuthentication mode's tone: STRICT green; PERMISSIVE amber and DISABLE red where the workloads are in the
 * mesh; muted out of the mesh, where no PeerAuthentication applies.
 */
export function modeTone(mode: EffectiveMode, dataplane: NamespaceMode | Dataplane): Tone {
  if (dataplane === 'none') return 'muted';
  return mode === 'STRICT' ? 'good' : mode === 'PERMISSIVE' ? 'warn' : 'bad';
}

/** A resolution status's tone: bound green, a deliberate or absent waypoint muted, a broken request red. */
export const STATUS_TONE: Readonly<Record<EffectiveWaypointStatus, Tone>> = {
  bound: 'good',
  'no-waypoint': 'muted',
  'opted-out': 'muted',
  'not-captured': 'muted',
  'wrong-traffic-type': 'warn',
  'not-found': 'bad',
  'not-a-waypoint': 'bad',
};

/** `Programmed`, `not Programmed (Invalid)`, `no status yet`, with its tone. */
export function programmedText(card: WaypointCard): { text: string; tone: Tone } {
  const p = card.programmed;
  if (p === null) return { text: 'no status yet', tone: 'warn' };
  if (p.status === 'True') return { text: 'Programmed', tone: 'good' };
  return { text: `not Programmed${p.reason ? ` (${p.reason})` : ''}`, tone: 'bad' };
}

/** `1/1 ready`, `0/2 ready`, `no Deployment`, with its tone. */
export function replicasText(card: WaypointCard): { text: string; tone: Tone } {
  const r = card.replicas;
  if (r === null) return { text: 'no Deployment', tone: 'bad' };
  const tone: Tone = r.ready === 0 ? 'bad' : r.ready < r.desired ? 'warn' : 'good';
  return { text: `${r.ready}/${r.desired} ready`, tone };
}
