/**
 * Test articles written for these tests (fictional people, no copied text), and, for the
 * stubbed-API tests only, a hand-made analysis of the first one with every layer, so the
 * UI's drawing of layers that may not be on `main` yet is tested too. Offsets are found by
 * searching the text, never typed by hand.
 */
import type { AnalyzedDocument, Entity, EntityType, NewsEvent, Quote, Repair } from '../../src/core/document.js';

/** An article to analyze or store. */
export interface TestArticle {
  title: string;
  source: string;
  published: string;
  text: string;
}

/** Iraq–Russia arms talks: titles, a surname-only mention, a glued pair, a run-in heading, quotes, a future event. */
export const IRAQ_RUSSIA: TestArticle = {
  title: 'كوزلوف فى بغداد لبحث التعاون العسكرى',
  source: 'وكالة الرافدين',
  published: '2026-03-15',
  text: [
    'بغداد - مرصد',
    'استقبل رئيس الوزراء العراقى، سالم الحديثى، فى بغداد يوم الأحد وزير الخارجية الروسى، أندريه كوزلوف، لبحث التعاون العسكرى بين روسياوالعراق. ' +
      'وقال كوزلوف فى مؤتمر صحفى مشترك: "نحن مستعدون لتزويد العراق بمنظومات دفاع جوى حديثة". ' +
      'وأكد الحديثى أن بلاده تسعى إلى تنويع مصادر السلاح، مشددا على أهمية الشراكة مع موسكو. ' +
      'صفقات السلاح الروسية للعراق ومن المتوقع أن يوقّع الجانبان اتفاقية للتعاون الفنى بقيمة ٢٫٥ مليار دولار خلال الزيارة، بحسب وزارة الخارجية العراقية.',
  ].join('\n'),
};

/** Egypt–Algeria gas pipeline. */
export const EGYPT_ALGERIA: TestArticle = {
  title: 'خط غاز جديد بين مصر والجزائر',
  source: 'النيل اليوم',
  published: '2026-04-02',
  text:
    'القاهرة - مرصد\nبحث وزير الطاقة المصرى، خالد منصور، مع نظيره الجزائرى، يوسف بن عمر، فى الجزائر أمس، مشروع خط الغاز الجديد بين مصروالجزائر. ' +
    'وقال منصور إن المشروع "سيغير خريطة الطاقة فى المنطقة". وأوضح بن عمر أن البلدين سيوقعان مذكرة تفاهم الشهر المقبل.',
};

/** Saudi exports, mentioning Iraq with a prefix (`مع العراق`). */
export const SAUDI_EXPORTS: TestArticle = {
  title: 'ارتفاع الصادرات السعودية غير النفطية',
  source: 'صحيفة الرياض',
  published: '2026-05-20',
  text:
    'الرياض - مرصد\nأعلنت وزارة الاقتصاد السعودية ارتفاع الصادرات غير النفطية بنسبة ١٢٪ خلال الربع الأول. ' +
    'وقال الوزير فهد العتيبى إن المملكة تعمل على تنويع الاقتصاد، مؤكدا أن التعاون بالعراق والأردن فى مجال النقل يتقدم بسرعة.',
};

/** Markers of an XSS attempt, checked on `window` after rendering. */
export const XSS_MARKERS = ['__xssScript', '__xssImg', '__xssTitle'] as const;

/** An article whose text and title try to inject HTML and flip text with U+202E. */
export const HOSTILE: TestArticle = {
  title: 'عنوان <img src=x onerror="window.__xssTitle=1"> \u202Eمقلوب',
  source: 'مصدر <b>غامق</b>',
  published: '2026-05-21',
  text:
    'بيان عن العراق <script>window.__xssScript = 1</script> نهاية السطر\n' +
    'وقال المتحدث: <img src=x onerror="window.__xssImg = 1"> ثم سكت.\n' +
    'وهذه جملة فيها محرف \u202Eمعكوس الاتجاه\u202C داخل النص، وبعده كلام عادى.',
};

/** All the articles the tests store. */
export const ARTICLES: TestArticle[] = [IRAQ_RUSSIA, EGYPT_ALGERIA, SAUDI_EXPORTS, HOSTILE];

/** `[start, end)` of the n-th occurrence of `needle`; throws when absent (a broken fixture). */
export function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" not found (${nth})`);
  }
  return { start: at, end: at + needle.length };
}

function entity(text: string, id: string, type: EntityType, name: string, forms: string[], roles?: Entity['roles']): Entity {
  const mentions = forms.flatMap((form) => {
    const out = [];
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
      out.push({ start: at, end: at + form.length, text: form });
    }
    return out;
  });
  mentions.sort((a, b) => a.start - b.start);
  return { id, type, name, mentions, ...(roles ? { roles } : {}) };
}

/** A full analysis of {@link IRAQ_RUSSIA}, as the complete pipeline would give it. */
export function stubAnalysis(): AnalyzedDocument {
  const text = IRAQ_RUSSIA.text;
  const entities: Entity[] = [
    entity(text, 'e1', 'PER', 'سالم الحديثي', ['سالم الحديثى', 'الحديثى'], [{ title: 'رئيس الوزراء', country: 'العراق' }]),
    entity(text, 'e2', 'PER', 'اندريه كوزلوف', ['أندريه كوزلوف', 'كوزلوف'], [{ title: 'وزير الخارجية', country: 'روسيا' }]),
    entity(text, 'e3', 'LOC', 'بغداد', ['بغداد']),
    entity(text, 'e4', 'LOC', 'روسيا', ['روسيا', 'موسكو']),
    entity(text, 'e5', 'LOC', 'العراق', ['العراق']),
    entity(text, 'e6', 'ORG', 'وزارة الخارجية العراقية', ['وزارة الخارجية العراقية']),
  ];
  // The surname-only and title mentions carry `via`, as the linker marks them.
  for (const e of entities) {
    for (const m of e.mentions) if (e.type === 'PER' && m.text.split(' ').length === 1) m.via = 'surname';
  }
  // `روسيا` inside the glued word and `العراق` after it: keep LOC mentions that do not overlap PER/ORG ones.
  const glued = spanOf(text, 'روسياوالعراق');
  const repairs: Repair[] = [{ ...glued, original: 'روسياوالعراق', replacement: 'روسيا والعراق', kind: 'split' }];
  const direct = spanOf(text, 'نحن مستعدون لتزويد العراق بمنظومات دفاع جوى حديثة');
  const indirect = spanOf(text, 'بلاده تسعى إلى تنويع مصادر السلاح');
  const quotes: Quote[] = [
    { ...direct, speaker: 'e2', speakerText: 'كوزلوف', cue: 'قال', kind: 'direct', text: text.slice(direct.start, direct.end) },
    { ...indirect, speaker: 'e1', speakerText: 'الحديثى', cue: 'أكد', kind: 'indirect', text: text.slice(indirect.start, indirect.end) },
  ];
  const visit = spanOf(text, 'استقبل');
  const sign = spanOf(text, 'يوقّع');
  const sunday = spanOf(text, 'يوم الأحد');
  const events: NewsEvent[] = [
    {
      type: 'MEET',
      cameo: '042',
      trigger: { ...visit, text: 'استقبل' },
      participants: [
        { entity: 'e1', role: 'actor' },
        { entity: 'e2', role: 'target' },
        { entity: 'e3', role: 'place' },
      ],
      time: { ...sunday, text: 'يوم الأحد', date: '2026-03-15' },
      sentence: 1,
      modality: 'asserted',
    },
    {
      type: 'AGREE',
      cameo: '057',
      trigger: { ...sign, text: 'يوقّع' },
      participants: [
        { entity: 'e5', role: 'actor' },
        { entity: 'e4', role: 'target' },
      ],
      time: null,
      sentence: 5,
      modality: 'expected',
    },
  ];
  const sentenceEnds = [...text.matchAll(/[.\n]/g)].map((m) => (m.index ?? 0) + 1);
  let prev = 0;
  const sentences = sentenceEnds.concat(text.length).flatMap((end) => {
    const s = { start: prev, end, kind: 'sentence' as const };
    prev = end;
    return end > s.start ? [s] : [];
  });
  return {
    schemaVersion: 1,
    text,
    sentences,
    repairs,
    entities,
    quotes,
    events,
    topics: [
      { label: 'سياسة', score: 0.71 },
      { label: 'اقتصاد', score: 0.22 },
    ],
    themes: [{ label: 'عسكري', score: 0.8 }],
    keywords: [
      { text: 'التعاون العسكري', score: 0.9 },
      { text: 'منظومات دفاع جوي', score: 0.7 },
    ],
    summary: { sentences: [1], headline: 'العراق وروسيا يبحثان صفقات سلاح' },
  };
}
