/**
 * A readable plain-text rendering of an analysis, in Arabic: sentences and headings,
 * repairs, and whichever later layers are present (entities, quotes, events, topics,
 * keywords, summary).
 */
import type { AnalyzedDocument } from '../document.js';

const TYPE_LABELS: Record<string, string> = { PER: 'شخص', LOC: 'مكان', ORG: 'منظمة', MISC: 'أخرى' };

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

  if (doc.entities?.length) {
    out.push('', '== الكيانات ==');
    for (const e of doc.entities) {
      const roles = (e.roles ?? []).map((r) => [r.title, r.org, r.country].filter(Boolean).join(' / ')).join('؛ ');
      out.push(`[${e.id}] ${TYPE_LABELS[e.type] ?? e.type}: ${e.name} — ${e.mentions.length} ذكر${roles ? ` — ${roles}` : ''}`);
    }
  }
  if (doc.quotes?.length) {
    out.push('', '== الاقتباسات ==');
    const names = new Map((doc.entities ?? []).map((e) => [e.id, e.name]));
    for (const q of doc.quotes) {
      const who = (q.speaker && names.get(q.speaker)) ?? q.speakerText ?? 'غير معروف';
      out.push(`${who} (${q.cue}، ${q.kind === 'direct' ? 'مباشر' : 'غير مباشر'}): ${q.text}`);
    }
  }
  if (doc.events?.length) {
    out.push('', '== الأحداث ==');
    const names = new Map((doc.entities ?? []).map((e) => [e.id, e.name]));
    for (const ev of doc.events) {
      const who = (role: string): string =>
        ev.participants
          .filter((p) => p.role === role)
          .map((p) => names.get(p.entity) ?? p.entity)
          .join('، ');
      const parts = [`${ev.type} (${ev.cameo})`, `«${ev.trigger.text}»`];
      if (who('actor')) parts.push(`الفاعل: ${who('actor')}`);
      if (who('target')) parts.push(`الطرف: ${who('target')}`);
      if (who('place')) parts.push(`المكان: ${who('place')}`);
      if (ev.time) parts.push(`الزمن: ${ev.time.text}${ev.time.date ? ` (${ev.time.date})` : ''}`);
      if (ev.modality && ev.modality !== 'asserted') parts.push(ev.modality === 'expected' ? 'متوقع' : 'منفي');
      out.push(parts.join(' — '));
    }
  }

  out.push('', '== الجمل ==');
  (doc.sentences ?? []).forEach((s, i) => out.push(`${i + 1}. ${s.kind === 'heading' ? '[عنوان فرعي] ' : ''}${slice(s)}`));

  if (doc.repairs?.length) {
    out.push('', '== الإصلاحات ==');
    for (const r of doc.repairs) out.push(`${r.start}-${r.end}: «${r.original}» ← «${r.replacement}»`);
  }
  return out.join('\n') + '\n';
}
