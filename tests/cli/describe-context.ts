// What the extension shows for an article, as plain text for `npm start` without a display.
// Everything printed is taken from the context the popup and side panel receive.
import type { TabContext } from '../../lib/views';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function describeContext(context: TabContext): string[] {
  if (!context.article) return [`Threadline shows: ${context.status}`];
  const a = context.article;
  const lines = [`Article:  ${a.title}`, `Outlet:   ${a.outletName}${a.country ? ` (${a.country}, ${a.ownership})` : ''}`, `Published ${day(a.published)}`, ''];
  const trail = context.trail;
  if (trail && trail.dots.length > 0) {
    lines.push(`The trail: ${trail.dots.length} dots, newest first`);
    for (const d of trail.dots) {
      const marks = [d.isCurrent ? 'you are here' : '', d.read ? 'read' : 'unread', d.isNewSinceLastOpen ? 'new' : ''].filter(Boolean).join(', ');
      lines.push(`  ● ${day(d.date)}  ${d.label}  [${d.outlets.length} outlet${d.outlets.length === 1 ? '' : 's'}; ${marks}]`);
    }
    lines.push('');
  }
  const perspectives = context.perspectives;
  if (perspectives && perspectives.outlets.length > 0) {
    lines.push(`Perspectives: ${perspectives.outlets.length} other outlets covered this event`);
    for (const o of perspectives.outlets) {
      const view = context.outlets[o.outletId];
      const best = o.articles[0];
      lines.push(`  • ${o.outletName}${view?.country ? ` (${view.country})` : ''}: ${best.title}`);
      if (best.explanation.sharedTerms.length) lines.push(`      shares: ${best.explanation.sharedTerms.slice(0, 5).join(', ')}`);
    }
    lines.push('');
  } else if (perspectives && perspectives.nearbyEvents.length > 0) {
    lines.push(`Only this outlet covered this event; nearest events of the story: ${perspectives.nearbyEvents.map((e) => e.label).join(' | ')}`, '');
  }
  const framing = context.framing;
  if (framing) {
    const country = framing.coverage.axes.find((x) => x.axis === 'country');
    if (country) lines.push(`Coverage by country: ${country.groups.map((g) => `${g.value} ${Math.round(g.share * 100)}%`).join(', ')}`);
    for (const b of framing.coverage.blindspots.slice(0, 3)) {
      const names = b.outletIds.map((id) => context.outlets[id]?.name ?? id).join(', ');
      lines.push(`Blindspot: no ${b.axis} "${b.value}" source among yours covered this (${names})`);
    }
    for (const set of framing.distinctive.filter((d) => d.scope === 'outlet' && d.terms.length > 0)) {
      lines.push(`  ${set.label} stresses: ${set.terms.slice(0, 3).map((t) => `"${t.term}" (${t.count}×)`).join(', ')}`);
    }
    for (const s of framing.speakers.slice(0, 4)) lines.push(`  Quoted: ${s.speaker} (by ${s.outletIds.length} outlet${s.outletIds.length === 1 ? '' : 's'})`);
    const unique = framing.claims.unique[0];
    if (unique) lines.push(`  Only one outlet reports (${context.outlets[unique.outletId]?.name ?? unique.outletId}): "${unique.text}"`);
  }
  return lines;
}
