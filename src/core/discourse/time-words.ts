/**
 * Closed classes of time words (normalized), shared by the time-expression reader and by
 * the name and title scanners (a time word ends a name: `الرئيس الجزائري غدا`).
 */

/** Day offsets of the deictic day words relative to the publication date. */
export const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ['اليوم', 0],
  ['امس', -1],
  ['البارحة', -1],
  ['غدا', 1],
]);

/** Weekday names (normalized) → JavaScript day number (0 = Sunday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['الاحد', 0],
  ['الاثنين', 1],
  ['الاتنين', 1],
  ['الثلاثاء', 2],
  ['الاربعاء', 3],
  ['الخميس', 4],
  ['الجمعة', 5],
  ['السبت', 6],
]);

/** Parts of the day that may precede a day word: `مساء أمس`, `صباح اليوم`. */
export const DAY_PARTS: ReadonlySet<string> = new Set(['صباح', 'مساء', 'ظهر', 'عصر', 'فجر', 'ليلة', 'ليل', 'ضحى', 'منتصف', 'اول', 'بعد', 'صبيحة', 'عشية', 'ظهيرة']);

/** Period nouns of `الأسبوع الماضي` and the like → length in days (0: not day-resolvable). */
export const PERIOD_WORDS: ReadonlyMap<string, number> = new Map([
  ['الاسبوع', 7],
  ['الشهر', 30],
  ['العام', 0],
  ['السنة', 0],
]);

/** Direction adjectives after a period noun → sign. */
export const PERIOD_DIRECTIONS: ReadonlyMap<string, number> = new Map([
  ['الماضي', -1],
  ['الماضية', -1],
  ['المنصرم', -1],
  ['المنصرمة', -1],
  ['الفائت', -1],
  ['السابق', -1],
  ['المقبل', 1],
  ['المقبلة', 1],
  ['القادم', 1],
  ['القادمة', 1],
  ['الحالي', 0],
  ['الجاري', 0],
  ['الجارية', 0],
]);

/** Every word that belongs to a time expression, as a set (for name and title boundaries). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  ...DAY_WORDS.keys(),
  ...WEEKDAYS.keys(),
  ...DAY_PARTS,
  ...PERIOD_WORDS.keys(),
  'يوم',
  'امس',
  'الليلة',
  'الان',
  'حاليا',
  'مؤخرا',
  'قريبا',
]);
