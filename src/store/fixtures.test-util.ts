/**
 * Test articles for the corpus tests, written for these tests (not taken from any corpus).
 * They use Egyptian-press spelling (فى, final ى), diacritics, tatweel, hamza forms,
 * Arabic-Indic digits and a glued word, as real scraped news does.
 */
import type { DocumentInput } from './store.js';

export const LAVROV_BAGHDAD: DocumentInput = {
  source: 'wire-a',
  sourceId: 'a-1',
  url: 'https://news.example/a-1',
  title: 'لافروف يبحث مع الجعفرى التعاون العسكرى',
  published: '2026-03-04',
  text:
    'توجه وزير الخارجية العراقى، إبراهيم الجعفرى، إلى روسيا لبحث تفعيل التعاون العسكرى بين البلدين. ' +
    'وعقد الوزير سيرجى لافروف محادثات مع نظيره فى موسكو يوم ١٧ مارس. ' +
    'وقال لافروف: "روسيا ستواصل مساعدة العراق فى تعزيز قدراته الدفاعية". ' +
    'وأكد أن التعاون فى مجال النفط والغاز بين روسياوالعراق له أهمية خاصة، وأن الحكومتين تبحثان صفقات جديدة للأسلحة.',
};

export const LAVROV_VISIT: DocumentInput = {
  source: 'wire-b',
  sourceId: 'b-7',
  title: 'زيارة مرتقبة لوزير الخارجية الروسى إلى بغداد',
  published: '2026-03-20T09:30:00+03:00',
  text:
    'يزور سيرغي لافروف بغداد الأسبوع المقبل، حيث يلتقى مسؤولين بالعراق لبحث ملف الطاقة. ' +
    'وتأتى الزيارة بعد محادثات أجراها فى موسكو مع نظيره العراقى. ' +
    'ويتوقع مراقبون توقيع اتفاقيات للتعاون فى مجال الكهرباء والنقل.',
};

export const LAVROV_SURNAME_ONLY: DocumentInput = {
  source: 'wire-a',
  sourceId: 'a-9',
  title: 'لافروف: لا حل عسكريا للأزمة',
  published: '2026-04-02',
  text: 'قال لافروف: "لا حل عسكريا للأزمة فى المنطقة، والحوار هو الطريق الوحيد". وأضاف أن بلاده تدعم جهود الأمم المتحدة للعراق.',
};

export const FOOTBALL: DocumentInput = {
  source: 'sport-c',
  sourceId: 'c-3',
  title: 'فوز الفريق فى المباراة النهائية',
  published: '2026-02-11',
  text:
    'سجّل الفريـــق المصرى هدفين فى المباراة التى جرت مساء أمس أمام منتخب العراق، وسط حضور جماهيرى كبير. ' +
    'وقال المدرب إن اللاعبين قدموا أداءً رائعًا رغم الإصابات، وإن الفريق يستعد للمباراة المقبلة فى مصر.',
};

export const ENERGY: DocumentInput = {
  source: 'wire-b',
  sourceId: 'b-11',
  title: 'ارتفاع إنتاج النفط',
  published: '2026-03-25',
  text:
    'أعلنت وزارة النفط ارتفاع الإنتاج إلى ٤٫٥ مليون برميل يوميا، وقالت إن الصادرات تتجه إلى آسيا وأوروبا. ' +
    'وأشار بيان الوزارة إلى أن عقود الغاز الجديدة ستوقع خلال الشهر المقبل مع شركات أجنبية.',
};

/** The five articles above. */
export const ARTICLES: DocumentInput[] = [LAVROV_BAGHDAD, LAVROV_VISIT, LAVROV_SURNAME_ONLY, FOOTBALL, ENERGY];

/** A long article and a lightly edited copy from another site, for near-duplicate tests. */
export const WIRE_STORY =
  'أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة الكهرباء فى المحافظات الجنوبية، تشمل بناء محطات توليد تعمل بالغاز ' +
  'وتحديث خطوط النقل القديمة وتركيب عدادات ذكية فى المنازل. وقال المتحدث باسم الحكومة إن الخطة تمتد خمس سنوات ' +
  'وتكلف نحو ثلاثة مليارات دولار، وإن التمويل سيأتى من الموازنة العامة ومن قروض ميسرة. وأضاف أن أول محطة ستدخل الخدمة ' +
  'قبل نهاية العام المقبل، وأن الحكومة تتوقع أن تنتهى الانقطاعات المتكررة للتيار فى فصل الصيف.';
