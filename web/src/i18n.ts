/**
 * Interface strings in Arabic (the default, right-to-left) and English. Article text is
 * never translated or re-directed: it is Arabic and stays `lang="ar" dir="rtl"` in both.
 */

/** Interface languages. */
export type Lang = 'ar' | 'en';

const ar = {
  brand: 'مرصد',
  tagline: 'تحليل الأخبار العربية',
  skip: 'تخطَّ إلى المحتوى',
  navAnalyze: 'تحليل',
  navSearch: 'بحث',
  navEntities: 'الكيانات',
  navEvents: 'الأحداث',
  langToggle: 'English',
  langToggleLabel: 'Switch the interface to English',
  loading: 'جارٍ التحميل…',
  retry: 'أعد المحاولة',
  errorTitle: 'تعذّر إكمال الطلب',
  networkError: 'تعذّر الاتصال بالخادم.',
  notFound: 'غير موجود',
  nothing: 'لا شيء هنا بعد.',
  apiDown: 'الخادم لا يستجيب',
  // Analyze
  analyzeTitle: 'تحليل مقال',
  articleLabel: 'نص المقال',
  articlePlaceholder: 'الصق نص المقال هنا، أو اسحب ملف ‎.txt‎ أو ‎.html‎ وأفلته هنا. Ctrl+Enter للتحليل.',
  chooseFile: 'اختر ملفًا',
  dropHint: 'أفلت الملف هنا',
  fileError: 'لا يمكن قراءة هذا الملف: يُقبل ‎.txt‎ و‎.html‎ فقط.',
  dateLabel: 'تاريخ النشر (لحلّ التعابير الزمنية)',
  analyzeButton: 'حلّل',
  analyzing: 'جارٍ التحليل…',
  emptyText: 'اكتب نصًا أو الصقه أولًا.',
  legend: 'المفتاح',
  quoteLegend: 'قول منقول',
  repairLegend: 'كلمة ملتصقة فُصلت',
  speaker: 'القائل',
  unknownSpeaker: 'قائل غير معروف',
  repairedAs: 'صُحّحت إلى',
  layersMissing: 'طبقات لم تُحسب بعد على هذا الخادم',
  store: 'احفظ في المدونة',
  storing: 'جارٍ الحفظ…',
  stored: 'حُفظ المقال',
  openStored: 'افتح المقال المحفوظ',
  storeMeta: 'بيانات المقال',
  titleLabel: 'العنوان',
  sourceLabel: 'المصدر',
  urlLabel: 'الرابط',
  tokenLabel: 'رمز الكتابة (MARSAD_TOKEN)',
  tokenNeeded: 'الحفظ يحتاج رمز الكتابة الصحيح.',
  // Brief
  brief: 'الموجز',
  headline: 'العنوان المقترح',
  summary: 'الملخص',
  people: 'الأشخاص',
  places: 'الأماكن',
  orgs: 'المنظمات',
  misc: 'كيانات أخرى',
  quotes: 'الأقوال',
  events: 'الأحداث',
  topics: 'الموضوعات',
  themes: 'المحاور',
  keywords: 'الكلمات المفتاحية',
  stats: 'إحصاءات',
  tokens: 'كلمة',
  sentences: 'جملة',
  repairs: 'إصلاح',
  mentions: 'إشارة',
  expected: 'متوقَّع',
  negated: 'منفي',
  direct: 'مباشر',
  indirect: 'غير مباشر',
  showInText: 'أظهر في النص',
  // Search
  searchTitle: 'البحث في المدونة',
  queryLabel: 'كلمات البحث',
  queryPlaceholder: 'مثال: العراق روسيا -سوريا ، "وزير الخارجية"',
  searchButton: 'ابحث',
  fromLabel: 'من تاريخ',
  toLabel: 'إلى تاريخ',
  sortLabel: 'الترتيب',
  sortRelevance: 'الأنسب',
  sortDate: 'الأحدث',
  results: 'نتيجة',
  noResults: 'لا نتائج. جرّب كلمات أقل أو أزل بعض المرشحات.',
  relaxed: 'لم تُوجد كل الكلمات معًا، فعُرضت المقالات التي فيها بعضها.',
  facets: 'تصفية',
  facetTopic: 'الموضوع',
  facetSource: 'المصدر',
  facetEntity: 'الكيان',
  facetEventType: 'نوع الحدث',
  activeFilters: 'المرشحات المفعّلة',
  removeFilter: 'أزل المرشح',
  clearAll: 'أزل الكل',
  histogram: 'المقالات عبر الزمن',
  prev: 'السابق',
  next: 'التالي',
  pageOf: 'صفحة',
  duplicates: 'نسخ مشابهة',
  alsoCarried: 'نُشر أيضًا',
  exactCopies: 'نسخ مطابقة في مصادر أخرى',
  nearCopies: 'نسخ مشابهة مخزنة',
  firstCopy: 'أول نسخة',
  nearCopy: 'نسخة مشابهة',
  untitled: 'بلا عنوان',
  // Entities
  entitiesTitle: 'الكيانات',
  entityQuery: 'ابحث عن شخص أو مكان أو منظمة',
  allTypes: 'كل الأنواع',
  typeLabel: 'النوع',
  aliases: 'أسماء أخرى',
  roles: 'المناصب',
  documents: 'مقالًا',
  mentionsOverTime: 'الإشارات عبر الزمن',
  quotesBy: 'أقواله',
  cooccurring: 'يظهر مع',
  cooccurTable: 'جدول الظهور المشترك',
  sharedDocs: 'مقالات مشتركة',
  eventsOf: 'أحداث هو طرف فيها',
  asActor: 'فاعل',
  asTarget: 'مستهدف',
  firstSeen: 'أول ظهور',
  lastSeen: 'آخر ظهور',
  searchArticles: 'ابحث في المقالات التي تذكره',
  // Events
  eventsTitle: 'الأحداث',
  eventType: 'النوع',
  actor: 'الفاعل',
  verb: 'الفعل',
  target: 'المستهدف',
  place: 'المكان',
  time: 'الزمن',
  date: 'التاريخ',
  article: 'المقال',
  country: 'البلد',
  filter: 'صفِّ',
  matrix: 'مصفوفة الفاعلين والمستهدفين',
  matrixHint: 'عدد الأحداث من كل فاعل (صفوف) نحو كل مستهدف (أعمدة). اختر خلية لتصفية الجدول.',
  countriesOnly: 'البلدان والأماكن فقط',
  any: 'الكل',
  // Document
  documentTitle: 'مقال',
  published: 'نُشر',
  source: 'المصدر',
  original: 'الأصل',
  noAnalysis: 'لا يوجد تحليل محفوظ لهذا المقال.',
  bidiControl: 'محرف تحكم في الاتجاه',
};

export type MessageKey = keyof typeof ar;

const en: Record<MessageKey, string> = {
  brand: 'Marsad',
  tagline: 'Arabic news analysis',
  skip: 'Skip to content',
  navAnalyze: 'Analyze',
  navSearch: 'Search',
  navEntities: 'Entities',
  navEvents: 'Events',
  langToggle: 'العربية',
  langToggleLabel: 'حوّل الواجهة إلى العربية',
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'The request failed',
  networkError: 'Cannot reach the server.',
  notFound: 'Not found',
  nothing: 'Nothing here yet.',
  apiDown: 'The server does not answer',
  analyzeTitle: 'Analyze an article',
  articleLabel: 'Article text',
  articlePlaceholder: 'Paste an Arabic article here, or drop a .txt or .html file. Ctrl+Enter analyzes.',
  chooseFile: 'Choose a file',
  dropHint: 'Drop the file here',
  fileError: 'Cannot read this file: only .txt and .html are accepted.',
  dateLabel: 'Publication date (resolves time expressions)',
  analyzeButton: 'Analyze',
  analyzing: 'Analyzing…',
  emptyText: 'Type or paste a text first.',
  legend: 'Legend',
  quoteLegend: 'Quote',
  repairLegend: 'Glued word split apart',
  speaker: 'Speaker',
  unknownSpeaker: 'Unknown speaker',
  repairedAs: 'repaired as',
  layersMissing: 'Layers this server does not compute yet',
  store: 'Store in the corpus',
  storing: 'Storing…',
  stored: 'Article stored',
  openStored: 'Open the stored article',
  storeMeta: 'Article details',
  titleLabel: 'Title',
  sourceLabel: 'Source',
  urlLabel: 'URL',
  tokenLabel: 'Write token (MARSAD_TOKEN)',
  tokenNeeded: 'Storing needs the right write token.',
  brief: 'Brief',
  headline: 'Suggested headline',
  summary: 'Summary',
  people: 'People',
  places: 'Places',
  orgs: 'Organizations',
  misc: 'Other entities',
  quotes: 'Quotes',
  events: 'Events',
  topics: 'Topics',
  themes: 'Themes',
  keywords: 'Keywords',
  stats: 'Statistics',
  tokens: 'tokens',
  sentences: 'sentences',
  repairs: 'repairs',
  mentions: 'mentions',
  expected: 'expected',
  negated: 'negated',
  direct: 'direct',
  indirect: 'indirect',
  showInText: 'Show in text',
  searchTitle: 'Search the corpus',
  queryLabel: 'Search words',
  queryPlaceholder: 'e.g. العراق روسيا -سوريا, "وزير الخارجية"',
  searchButton: 'Search',
  fromLabel: 'From',
  toLabel: 'To',
  sortLabel: 'Sort',
  sortRelevance: 'Relevance',
  sortDate: 'Newest',
  results: 'results',
  noResults: 'No results. Try fewer words or remove some filters.',
  relaxed: 'No article has every word; showing articles with some of them.',
  facets: 'Filters',
  facetTopic: 'Topic',
  facetSource: 'Source',
  facetEntity: 'Entity',
  facetEventType: 'Event type',
  activeFilters: 'Active filters',
  removeFilter: 'Remove filter',
  clearAll: 'Clear all',
  histogram: 'Articles over time',
  prev: 'Previous',
  next: 'Next',
  pageOf: 'Page',
  duplicates: 'near-duplicates',
  alsoCarried: 'Also carried',
  exactCopies: 'Exact copies under other sources',
  nearCopies: 'Stored near-duplicates',
  firstCopy: 'First copy',
  nearCopy: 'Near-duplicate',
  untitled: 'Untitled',
  entitiesTitle: 'Entities',
  entityQuery: 'Find a person, place or organization',
  allTypes: 'All types',
  typeLabel: 'Type',
  aliases: 'Aliases',
  roles: 'Roles',
  documents: 'articles',
  mentionsOverTime: 'Mentions over time',
  quotesBy: 'Quotes',
  cooccurring: 'Appears with',
  cooccurTable: 'Co-occurrence table',
  sharedDocs: 'Shared articles',
  eventsOf: 'Events as actor or target',
  asActor: 'actor',
  asTarget: 'target',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  searchArticles: 'Search articles that mention it',
  eventsTitle: 'Events',
  eventType: 'Type',
  actor: 'Actor',
  verb: 'Action',
  target: 'Target',
  place: 'Place',
  time: 'Time',
  date: 'Date',
  article: 'Article',
  country: 'Country',
  filter: 'Filter',
  matrix: 'Actor × target matrix',
  matrixHint: 'Events from each actor (rows) towards each target (columns). Pick a cell to filter the table.',
  countriesOnly: 'Countries and places only',
  any: 'Any',
  documentTitle: 'Article',
  published: 'Published',
  source: 'Source',
  original: 'Original',
  noAnalysis: 'No stored analysis for this article.',
  bidiControl: 'Bidi control character',
};

const ENTITY_TYPES: Record<Lang, Record<string, string>> = {
  ar: { PER: 'شخص', LOC: 'مكان', ORG: 'منظمة', MISC: 'أخرى' },
  en: { PER: 'Person', LOC: 'Place', ORG: 'Organization', MISC: 'Other' },
};

let current: Lang = 'ar';

/** The interface language in use. */
export function lang(): Lang {
  return current;
}

/** Switches the interface language: `<html lang dir>` follow, and the choice is remembered. */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
  try {
    localStorage.setItem('marsad.lang', next);
  } catch {
    // Storage may be off (private mode); the toggle still works for this page.
  }
}

/** The language remembered from a previous visit, else Arabic. */
export function initialLang(): Lang {
  try {
    return localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

/** An interface string. */
export function t(key: MessageKey): string {
  return current === 'ar' ? ar[key] : en[key];
}

/** The label of an entity type. */
export function typeLabel(type: string): string {
  return ENTITY_TYPES[current][type] ?? type;
}

/** A number in the interface language's digits. */
export function num(n: number): string {
  return n.toLocaleString(current === 'ar' ? 'ar-EG' : 'en-US');
}

/** A date (`YYYY-MM-DD…` or ISO) in the interface language; the input when it is not a date. */
export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 7 ? `${iso}-01` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    iso.length === 7 ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return d.toLocaleDateString(current === 'ar' ? 'ar-EG' : 'en-GB', options);
}
