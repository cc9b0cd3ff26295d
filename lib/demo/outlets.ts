// The eight fictional outlets of the demo story. Each has its own *.localhost host: browsers resolve
// every *.localhost name to loopback, so one server on 127.0.0.1 serves them all, routed by Host.
import type { Outlet } from '../types';

export type DemoOutletId =
  | 'indus-ledger'
  | 'lapis-tv'
  | 'oxus-dispatch'
  | 'sutlej-news'
  | 'lusail-news'
  | 'marmara-agency'
  | 'meridian-wire'
  | 'caspian-herald';

type OutletBase = Omit<Outlet, 'domains' | 'feeds' | 'id'> & { id: DemoOutletId };

const BASES: OutletBase[] = [
  { id: 'indus-ledger', name: 'The Indus Ledger', country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false },
  { id: 'lapis-tv', name: 'Lapis Valley Television', country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false },
  { id: 'oxus-dispatch', name: 'Oxus Dispatch News Agency', country: 'AF', language: 'en', ownership: 'private', stateAffiliated: false },
  { id: 'sutlej-news', name: 'Sutlej News Agency', country: 'IN', language: 'en', ownership: 'private', stateAffiliated: false },
  // State-funded but editorially separate, like a public broadcaster: it sits on the ownership axis
  // apart from the state-owned agency, and is still marked state-affiliated.
  { id: 'lusail-news', name: 'Lusail Broadcast Network', country: 'QA', language: 'en', ownership: 'public-broadcaster', stateAffiliated: true },
  { id: 'marmara-agency', name: 'Marmara News Agency', country: 'TR', language: 'en', ownership: 'state-owned', stateAffiliated: true },
  { id: 'meridian-wire', name: 'Meridian Wire', country: 'INT', language: 'en', ownership: 'cooperative', stateAffiliated: false },
  // Covered the clashes and the Doha ceasefire but not Istanbul: the reader who follows it sees the
  // Istanbul event's blindspot ("none of your sources from Iran covered this").
  { id: 'caspian-herald', name: 'Caspian Herald', country: 'IR', language: 'en', ownership: 'state-owned', stateAffiliated: true },
];

export const DEMO_OUTLET_IDS: DemoOutletId[] = BASES.map((b) => b.id);

/** The host name of a demo outlet, without port: "indus-ledger.localhost". */
export function demoHost(outletId: string): string {
  return `${outletId}.localhost`;
}

/** The outlet's origin on the demo server: "http://indus-ledger.localhost:8080". */
export function demoOrigin(outletId: string, port: number): string {
  return `http://${demoHost(outletId)}:${port}`;
}

/** The demo outlets with domains and feeds for a server listening on `port`. */
export function demoOutlets(port: number): Outlet[] {
  return BASES.map((base) => ({
    ...base,
    domains: [demoHost(base.id)],
    feeds: [`${demoOrigin(base.id, port)}/feed.xml`],
  }));
}

/** The demo outlet whose host is `hostname` (port ignored, case-insensitive), if any. */
export function demoOutletByHost(hostname: string, port: number): Outlet | undefined {
  const host = hostname.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return demoOutlets(port).find((o) => o.domains.includes(host));
}
