/**
 * Words whose final alef maqsura (ى) is real, written with bare alef (ا for أ إ آ) and
 * without proclitics. Everything else that ends in ى is taken to be the Egyptian-press
 * spelling of final ya (فى → في, الروسى → الروسي): see `restoreFinalYa` in `normalize.ts`.
 *
 * The words are grouped by the proclitics they can take, because the prefix decides the
 * reading: `تصدى` (he confronted) keeps ى, but `التصدي` (the confronting) is a verbal noun in
 * ي; `ليلى` is a name, `الليلي` (nightly) an adjective. So verbs never take the article or a
 * preposition, names never take the article, and particles take only و and ف.
 *
 * Hand-written from MSA grammar, then checked against news text that spells final ي and ى
 * apart (`npm run eval:maksura`, ANT folds 0–7), which dropped words the news writes with ي
 * (`وفى` is و + في; `بقي`, `نسي`, `رضي`; the names `مرسي`, `حسني`) and added well-attested ones
 * (`إحدى`, `محتوى`, `شتى`, `موسيقى`, `عانى`, `أدلى`).
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/u).filter((w) => w.endsWith('ى')));

/** Prepositions and particles: take only و and ف. */
export const MAKSURA_PARTICLES = words(`على الى حتى متى لدى سوى بلى عسى`);

/** Personal and place names: take و ف ب ل, never the article (nor ك: كندي is Canadian, not ك + ندى). */
export const MAKSURA_NAMES = words(`
  هدى منى نهى سلمى ليلى لبنى ندى رضوى
  مصطفى موسى عيسى يحيى مرتضى مجتبى مقتدى نينوى سقطرى اروى اويحيى ديالى
`);

/**
 * Nouns and adjectives: take every proclitic, the article included. Also full forms that
 * keep ى only with the article (`اليسرى`, the left hand; bare `يسري` is a name).
 */
export const MAKSURA_NOUNS = words(`
  مدى اولى اخرى احدى شتى
  مستوى محتوى مبنى معنى منحى منحنى ملتقى منتدى مقهى ملهى مرمى مسعى ماوى مثوى مجرى منفى مصلى مغزى مقتضى مسمى مبتغى مستشفى مرتقى
  فتوى دعوى شكوى نجوى تقوى جدوى عدوى حلوى سلوى ذكرى كبرى صغرى عظمى قصوى وسطى سفلى اليسرى الحسنى الهدى المرسى الفصحى الاحرى الفضلى
  فوضى مرضى جرحى قتلى اسرى موتى صرعى حبلى حيارى نصارى يتامى سكارى كسالى غرقى هلكى قرى رؤى ضحى اضحى شكاوى دعاوى فتاوى
  صدى هوى موسيقى انثى فتى حمى قصارى مثنى شورى اذى خطى مبكى دمى مناى قوى مغطى مغشى قدامى افعى عمى اسى مستوحى مولى
  اقصى ادنى اعلى اقوى اغنى ارقى اسمى اجلى اخفى ابهى ازكى اجدى انقى اشهى اغلى اقسى اعمى اغبى احلى
`);

/** Perfect verbs of defective roots: take only و and ف. */
export const MAKSURA_PERFECT_VERBS = words(`
  مضى قضى رمى جرى بنى نفى سعى رعى نهى روى حوى طوى شفى كفى طغى نعى بكى نوى غطى صلى
  رأى راى نأى اتى الغى القى ابدى اعطى اجرى ادى ابقى امضى انهى انتهى اشترى التقى ارتقى اقتضى استدعى ادعى ادلى عانى اعتدى لاقى اثنى ارتدى اعتلى استوحى احصى
  تلقى تبنى تحدى تصدى تولى تمنى تعدى تخلى تجلى تلاشى تماشى تعافى تقاضى تبقى تسنى تهاوى تنافى تراخى
  اوصى افضى اخلى اغلى املى اهدى اكتفى اختفى انضوى احتوى ارتأى ارتاى استوى استولى استثنى استقصى استغنى استحيى اعيى
`);

/** Imperfect verbs of the a-class and forms V–VI: take و ف, the future س and the ل of purpose. */
export const MAKSURA_IMPERFECT_VERBS = words(`
  يرى ترى نرى يبقى تبقى نبقى يخشى تخشى نخشى ينسى تنسى يرضى ترضى يلقى يسعى تسعى نسعى يحظى تحظى ننسى انسى اخشى يحتذى يرقى ترقى تطغى يرعى ترعى اسعى يعزى ينأى يناى يهوى يطغى يقوى
  يتلقى تتلقى نتلقى تتعافى يتخطى تتخطى تتقوى تتمنى تتحلى يتحلى تتوالى يتمشى تتغذى يتوفى يتنحى تتنافى يتبنى تتبنى يتحدى تتحدى يتصدى تتصدى نتصدى يتولى تتولى يتمنى نتمنى اتمنى يتعدى تتعدى يتخلى تتخلى يتجلى يتعافى
  يتلاشى يتماشى تتماشى يتنافى يتفادى يتقاضى يتوخى يتبقى يتسنى يتنامى يتراخى يتعاطى يسمى تسمى
`);

/** Every listed word, whatever proclitics it takes. */
export const ALEF_MAKSURA_WORDS: ReadonlySet<string> = new Set([
  ...MAKSURA_PARTICLES,
  ...MAKSURA_NAMES,
  ...MAKSURA_NOUNS,
  ...MAKSURA_PERFECT_VERBS,
  ...MAKSURA_IMPERFECT_VERBS,
]);
