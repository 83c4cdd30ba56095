/**
 * The keyword stop-word list: mohataher/arabic-stop-words (MIT) minus the content words it
 * swept in, plus the framing words of news writing (reporting verbs, time words) that
 * would otherwise top every article's keywords.
 */
import { readFileSync } from 'node:fs';
import { requireData } from '../lib/data.js';

/**
 * Entries of the source list that carry content in news, or whose light stem is also the
 * stem of a content word (`خارج` is the stem of `الخارجية`, so it would silence
 * `وزير الخارجية`).
 */
export const CONTENT_WORDS_REMOVED = [
  'زيارة', 'قوة', 'دولار', 'دينار', 'ريال', 'يورو', 'جنيه', 'درهم', 'ليرة', 'شيكل', 'حبيب', 'رزق', 'للامم', 'عين', 'جمعة',
  'اعادة', 'خارج', 'شمال', 'يمين', 'ذهب', 'الذاتي', 'حار', 'صفر', 'سبحان',
];

/** Framing words of Arabic news writing, hand-written. */
export const NEWS_STOP_WORDS = `
قال قالت وقال وقالت يقول تقول أضاف أضافت وأضاف وأضافت يضيف أكد أكدت وأكد وأكدت يؤكد تؤكد أوضح أوضحت وأوضح يوضح
أشار أشارت وأشار يشير تشير لفت لفتت صرح صرحت وصرح أعلن أعلنت وأعلن يعلن ذكر ذكرت وذكر يذكر تابع وتابع مضيفا
مشيرا مؤكدا موضحا لافتا مشددا شدد شددت وشدد معتبرا اعتبر اعتبرت متابعا قائلا بحسب حسب وفق وفقا طبقا نقلا نقل
يشار يذكر أيضا وأيضا كذلك خلال اليوم أمس غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأسبوع الشهر العام
الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية صباح مساء الساعة يوم أيام ساعات الوقت حيث وذلك بشأن إثر
عقب جانب إطار مجال ضمن نحو حوالي قرابة نحو أكثر أقل عدة عدد بينها بينهم منها منهم فيها فيه عليها عليه لها له كما
هناك هنالك وهناك إنه إنها أنه أنها بأن بأنه بأنها كان كانت يكون تكون سيكون ستكون وكان وكانت يجري تجري جرى جرت تم يتم
وتم سيتم ويتم مؤخرا حاليا سابقا لاحقا آخر أخرى الأخرى الآخر الأول الأولى الثاني الثانية خاصة الخاصة عامة بشكل بصورة
وقت مصدر مصادر المصدر وكالة الوكالة موقع الموقع صحيفة الصحيفة تقرير التقرير بيان البيان تصريح تصريحات تصريحه
مختلف المختلفة مختلفة متعددة المتعددة متنوعة المتنوعة عديدة العديد الكثير كثيرة كبير كبيرة الكبير الكبيرة جديد جديدة
الجديد الجديدة مهم مهمة المهم بارز بارزة أبرز أبرزها عدد عددا إضافة بالإضافة فضلا
`;

/** Builds the stop-word file (with a header naming its sources). */
export function buildStopWordFile(): string {
  const source = readFileSync(requireData('arabic-stop-words/list.txt'), 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w !== '' && !w.includes(' '));
  const removed = new Set(CONTENT_WORDS_REMOVED);
  const words = [...new Set([...source.filter((w) => !removed.has(w)), ...NEWS_STOP_WORDS.split(/\s+/u).filter((w) => w !== '')])];
  return (
    '# Marsad keyword stop words.\n' +
    '# From mohataher/arabic-stop-words list.txt, commit 767255429135eb8120818102cf97523b3c05c8bd (MIT, (c) 2016 Mohamed Taher Alrefaie),\n' +
    `# minus ${CONTENT_WORDS_REMOVED.length} content words, plus Marsad's hand-written news framing words (train/keywords/stopwords.ts).\n` +
    words.join('\n') +
    '\n'
  );
}
