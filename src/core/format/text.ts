/**
 * A readable plain-text rendering of an analysis, in Arabic: sentences and headings,
 * repairs, and whichever later layers are present (entities, quotes, events, topics,
 * keywords, summary).
 */
import type { AnalyzedDocument, Entity, NewsEvent, Role } from '../document.js';

/** Arabic names of the event types. */
const EVENT_LABELS: Record<string, string> = {
  VISIT: 'زيارة',
  MEET: 'لقاء ومحادثات',
  STATEMENT: 'تصريح',
  AGREEMENT: 'اتفاق',
  AID: 'مساعدة',
  SUPPORT: 'دعم',
  CONDEMN: 'إدانة',
  ACCUSE: 'اتهام',
  ATTACK: 'هجوم',
  ARREST: 'اعتقال',
};

/** `وزير الخارجية، العراق`; the organization is left out when the title already names it. */
const roleText = (r: Role): string => [r.title, r.org && !r.title.includes(r.org) ? r.org : '', r.country].filter(Boolean).join('، ');
/** `3 مرات`, with the Arabic plural agreeing with the count. */
const times = (n: number): string => (n === 1 ? 'مرة واحدة' : n === 2 ? 'مرتين' : n <= 10 ? `${n} مرات` : `${n} مرة`);

/** Who is who: people with their roles, then places, organizations and the rest. */
function formatEntities(doc: AnalyzedDocument): string[] {
  const entities = doc.entities ?? [];
  if (entities.length === 0) return [];
  const out = ['', '== من هو من =='];
  for (const e of entities.filter((x) => x.type === 'PER')) {
    const roles = (e.roles ?? []).map(roleText).join('؛ ');
    out.push(`• ${e.name}${roles ? ` — ${roles}` : ''} — ذُكر ${times(e.mentions.length)} [${e.id}]`);
  }
  const list = (label: string, type: string): void => {
    const xs = entities.filter((x) => x.type === type).sort((a, b) => b.mentions.length - a.mentions.length);
    if (xs.length) out.push(`${label}: ${xs.map((x) => `${x.name} (${x.mentions.length})`).join('، ')}`);
  };
  list('الأماكن', 'LOC');
  list('الجهات', 'ORG');
  list('أخرى', 'MISC');
  return out;
}

/** Who said what: quotes grouped by speaker, in order of first quote. */
function formatQuotes(doc: AnalyzedDocument): string[] {
  const quotes = doc.quotes ?? [];
  if (quotes.length === 0) return [];
  const names = new Map((doc.entities ?? []).map((e) => [e.id, e.name]));
  const groups = new Map<string, typeof quotes>();
  for (const q of quotes) {
    const who = (q.speaker && names.get(q.speaker)) ?? q.speakerText ?? 'متحدث غير محدد';
    groups.set(who, [...(groups.get(who) ?? []), q]);
  }
  const out = ['', '== من قال ماذا =='];
  for (const [who, qs] of groups) {
    out.push(`${who} (${qs.length}):`);
    for (const q of qs) out.push(q.kind === 'direct' ? `  - ${q.cue ? q.cue + ' ' : ''}(نصًا): «${q.text}»` : `  - ${q.cue}: ${q.text}`);
  }
  return out;
}

/** What happened: one line per event, with its parties, place, time and modality. */
function formatEvents(doc: AnalyzedDocument): string[] {
  const events = doc.events ?? [];
  if (events.length === 0) return [];
  const byId = new Map<string, Entity>((doc.entities ?? []).map((e) => [e.id, e]));
  const who = (ev: NewsEvent, role: string): string =>
    ev.participants
      .filter((p) => p.role === role)
      .map((p) => byId.get(p.entity)?.name ?? p.entity)
      .join(' و');
  const out = ['', '== ماذا حدث =='];
  for (const ev of events) {
    const actor = who(ev, 'actor');
    const target = who(ev, 'target');
    const place = who(ev, 'place');
    const other = ev.type === 'VISIT' ? target || place : target && target !== place ? target : '';
    const link = ev.type === 'VISIT' ? 'إلى' : ev.type === 'MEET' || ev.type === 'AGREEMENT' ? 'مع' : '←';
    const parties = [actor, other ? `${link} ${other}` : ''].filter(Boolean).join(' ');
    const head = `• ${EVENT_LABELS[ev.type] ?? ev.type} [CAMEO ${ev.cameo}]${ev.modality === 'expected' ? ' (متوقع)' : ev.modality === 'negated' ? ' (منفي)' : ''}`;
    const parts = [parties ? `${head}: ${parties}` : head];
    if (place && !(ev.type === 'VISIT' && place === other)) parts.push(`في ${place}`);
    if (ev.time) parts.push(ev.time.date ? `${ev.time.text} (${ev.time.date})` : ev.time.text);
    parts.push(`«${ev.trigger.text}»، الجملة ${ev.sentence + 1}`);
    out.push(parts.join(' — '));
  }
  return out;
}

/** Formats an analysis as a readable brief. */
export function formatText(doc: AnalyzedDocument): string {
  const out: string[] = [];
  const slice = (s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);
  const tokens = doc.tokens ?? [];
  out.push(`مرصد — تحليل نص (${tokens.length} وحدة، ${doc.sentences?.length ?? 0} جملة)`);

  if (doc.summary) {
    out.push('', '== الخلاصة ==');
    if (doc.summary.headline) out.push(`العنوان: ${doc.summary.headline}`);
    for (const i of doc.summary.sentences) if (doc.sentences?.[i]) out.push(`• ${slice(doc.sentences[i])}`);
  }
  if (doc.topics?.length) {
    out.push('', '== الموضوعات ==', doc.topics.map((t) => `${t.label} (${t.score.toFixed(2)})`).join('، '));
  }
  if (doc.themes?.length) out.push(`المحاور: ${doc.themes.map((t) => t.label).join('، ')}`);
  if (doc.keywords?.length) out.push(`الكلمات المفتاحية: ${doc.keywords.map((k) => k.text).join('، ')}`);

  out.push(...formatEntities(doc), ...formatQuotes(doc), ...formatEvents(doc));

  out.push('', '== الجمل ==');
  (doc.sentences ?? []).forEach((s, i) => out.push(`${i + 1}. ${s.kind === 'heading' ? '[عنوان فرعي] ' : ''}${slice(s)}`));

  if (doc.repairs?.length) {
    out.push('', '== الإصلاحات ==');
    for (const r of doc.repairs) out.push(`${r.start}-${r.end}: «${r.original}» ← «${r.replacement}»`);
  }
  return out.join('\n') + '\n';
}
