import { describe, expect, it } from 'vitest';
import { createDocument } from '../document.js';
import { isMarsadError } from '../errors.js';
import { createPipeline } from '../pipeline.js';
import { loadModel } from '../../node/models.js';
import { tokenize } from '../text/tokenize.js';
import { createTopicsStage, loadTopicsModel, classifyTopics, findThemes } from './topics.js';
import { compileThemeLexicon, matchThemes, scoreThemes } from './themes.js';
import { decodeTopicModel, encodeTopicModel } from './topic-model.js';

const tokens = tokenize;

const model = loadTopicsModel(loadModel('topics'));

/** Short news texts written for these tests, one per label, in mixed orthography. */
const TEXTS: Record<string, string> = {
  sport:
    'فاز فريق الأهلى على منافسه الزمالك بهدفين مقابل هدف فى مباراة القمة ضمن الدورى الممتاز. وسجل المهاجم هدف الفوز فى الدقيقة ٨٨ ' +
    'بعد تمريرة من خط الوسط، ليرفع رصيد فريقه إلى ٤٥ نقطة فى صدارة جدول الترتيب. وقال المدرب إن لاعبيه قدموا أداءً رائعاً رغم الهجوم ' +
    'المتواصل على خط الدفاع وغياب حارس المرمى بسبب الإصابة.',
  economy:
    'ارتفع مؤشر البورصة الرئيسى بنسبة ٢٪ فى ختام تعاملات الأسبوع، مدعوماً بمشتريات المستثمرين الأجانب. وقال محللون إن تراجع معدل ' +
    'التضخم وخفض البنك المركزى أسعار الفائدة شجعا على الاستثمار فى الأسهم. وسجلت أسهم قطاع البنوك أكبر المكاسب، فيما تراجعت أسهم ' +
    'شركات العقارات وسط مخاوف من تباطؤ المبيعات.',
  technology:
    'أطلقت شركة ناشئة تطبيقاً جديداً للهواتف الذكية يعتمد على الذكاء الاصطناعى لترجمة المحادثات فورياً. ويعمل التطبيق على أنظمة ' +
    'أندرويد وآيفون، ويستخدم شبكات عصبية مدربة على ملايين الجمل. وأكدت الشركة أن البيانات تُعالَج على الجهاز نفسه لحماية خصوصية ' +
    'المستخدمين من الاختراق، وأن تحديثاً قادماً سيدعم ساعات اليد الذكية.',
  culture:
    'افتتح مهرجان القاهرة السينمائى دورته الجديدة بعرض فيلم روائى طويل لمخرجة شابة، بحضور عدد كبير من النجوم والفنانين. وتتنافس ' +
    'فى المسابقة الرسمية أفلام من عشرين دولة، فيما تكرّم إدارة المهرجان الممثلة القديرة عن مجمل مسيرتها الفنية. كما يتضمن البرنامج ' +
    'ورش عمل فى كتابة السيناريو والتصوير وحفلاً موسيقياً فى دار الأوبرا.',
  politics:
    'عقد مجلس الأمن الدولى جلسة طارئة لبحث التصعيد العسكرى على الحدود، بطلب من عدد من الدول الأعضاء. وطالب وزير الخارجية بوقف ' +
    'فورى لإطلاق النار واستئناف المفاوضات بين الحكومة والمعارضة. وحذّر المبعوث الأممى من انهيار الهدنة إذا لم تلتزم الأطراف ' +
    'بالاتفاق السياسى الموقّع العام الماضى، مؤكداً أن الرئيس وعد بإجراء انتخابات مبكرة.',
};

describe('topics model', () => {
  it('loads from bytes', () => {
    expect(model.classifier.size).toBeGreaterThan(1000);
    expect(model.terms.name).toBe(model.classifier.header.termFunction);
  });

  it.each(Object.entries(TEXTS))('reads a %s article as %s', (label, text) => {
    const topics = classifyTopics(model, tokens(text));
    expect(topics[0].label).toBe(label);
  });

  it('returns every label once, sorted, with scores that sum to 1', () => {
    const topics = classifyTopics(model, tokens(TEXTS.economy));
    expect(topics.map((t) => t.label).sort()).toEqual([...model.classifier.labels].sort());
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1].score).toBeGreaterThanOrEqual(topics[i].score);
    expect(topics.reduce((s, t) => s + t.score, 0)).toBeCloseTo(1, 3);
  });

  it('gives no topics to a text without words', () => {
    expect(classifyTopics(model, tokens('٢٠١٥ — ١٢٣٤٥ !!'))).toEqual([]);
  });

  it('rejects bytes that are not a topic model', () => {
    try {
      decodeTopicModel(new TextEncoder().encode('not a model at all'));
      expect.unreachable();
    } catch (e) {
      expect(isMarsadError(e) && e.code).toBe('MODEL_CORRUPT');
    }
  });

  it('round-trips a tiny model through its binary format', () => {
    const bytes = encodeTopicModel({
      header: { labels: ['a', 'b'], termFunction: 'light10-v1', bigrams: false, temperature: 1 },
      hashes: Uint32Array.from([7, 3]),
      idf: Float32Array.from([1, 2]),
      weights: Float32Array.from([0.5, -0.5, -1, 1]),
      bias: Float32Array.from([0.1, -0.1]),
    });
    const m = decodeTopicModel(bytes);
    expect(m.rowOf(3)).toBeGreaterThanOrEqual(0);
    expect(m.rowOf(99)).toBe(-1);
    expect(m.weight(m.rowOf(7), 0)).toBeCloseTo(0.5, 2);
    expect(m.weight(m.rowOf(3), 1)).toBeCloseTo(1, 2);
    expect(m.idf(m.rowOf(3))).toBeCloseTo(2, 1);
    expect(m.bias[0]).toBeCloseTo(0.1, 5);
  });
});

describe('themes', () => {
  const themesOf = (text: string): string[] => findThemes(model, tokens(text), classifyTopics(model, tokens(text))).map((t) => t.label);

  it('finds energy, terrorism and diplomacy in a pipeline-security story', () => {
    const text =
      'التقى وزير الطاقة نظيره الأردنى لبحث إمدادات الغاز الطبيعى عبر خط الأنابيب، بعد التفجيرات الإرهابية التى استهدفته. ' +
      'وأكد الوزيران أن حماية خطوط الأنابيب من الإرهاب أولوية، وأن أسعار النفط والغاز تفرض تعاوناً أوثق فى مجال الكهرباء.';
    expect(themesOf(text)).toEqual(expect.arrayContaining(['energy', 'terrorism', 'diplomacy']));
  });

  it('finds military and nuclear themes', () => {
    const text =
      'أجرى الجيش مناورات عسكرية واسعة شاركت فيها الدبابات والطائرات الحربية، فيما أعلنت وزارة الدفاع عن صفقة أسلحة جديدة. ' +
      'وقال رئيس الأركان إن البرنامج النووى للبلد المجاور وتخصيب اليورانيوم يهددان الأمن الإقليمى.';
    expect(themesOf(text)).toEqual(expect.arrayContaining(['military', 'nuclear']));
  });

  it('does not read football’s attack and defence as war', () => {
    expect(themesOf(TEXTS.sport)).not.toContain('military');
    expect(themesOf(TEXTS.sport)).not.toContain('armed-conflict');
  });

  it('counts the longest phrase once and matches through clitics and diacritics', () => {
    const lexicon = compileThemeLexicon({
      format: 'marsad-themes',
      version: 1,
      themes: [
        { label: 'energy', description: '', terms: [['النفط والغاز', 1], ['النفط', 1]] },
        { label: 'military', description: '', terms: [['القوات المسلحة', 1], ['قوات', 0.5]] },
      ],
    });
    const m = matchThemes(lexicon, tokens('وللقُوّاتِ المسلّحة دورٌ فى حماية حقول النِّفط والغـــاز، وبالنفط تُموَّل.'));
    const counts = [...m.phrases.values()].map((p) => `${p.keys.join(' ')}:${p.count}`).sort();
    expect(counts).toEqual(['قوات مسلح:1', 'نفط غاز:1', 'نفط:1']);
    expect(scoreThemes(lexicon, m, { minScore: 0 }).map((t) => t.label)).toEqual(['energy', 'military']);
  });

  it('needs a strong term: weak terms alone do not make a theme', () => {
    const lexicon = compileThemeLexicon({
      format: 'marsad-themes',
      version: 1,
      themes: [{ label: 'military', description: '', terms: [['الجيش', 1], ['قوات', 0.5]] }],
    });
    expect(scoreThemes(lexicon, matchThemes(lexicon, tokens('قوات قوات قوات')), { minScore: 0 })).toEqual([]);
  });
});

describe('topics stage', () => {
  const stage = createTopicsStage(loadModel('topics'));

  it('declares its contract', () => {
    expect(stage.name).toBe('topics');
    expect(stage.needs).toEqual(['tokens']);
    expect(stage.adds).toEqual(['topics']);
  });

  it('adds topics and themes to a document in a pipeline', () => {
    const text = TEXTS.politics;
    const doc = createDocument(text);
    doc.tokens = tokens(text);
    createPipeline([stage], { initial: ['tokens'] }).run(doc);
    expect(doc.topics?.[0].label).toBe('politics');
    expect(doc.themes?.map((t) => t.label)).toEqual(expect.arrayContaining(['diplomacy']));
    for (const t of doc.themes ?? []) expect(t.score).toBeGreaterThan(0);
  });

  it('refuses a model without its files', () => {
    expect(() => createTopicsStage({ files: new Map() })).toThrow(/no file classifier.bin/);
  });
});

describe('runtime scoring path', () => {
  it('gives the training path’s probabilities (from hashes, without a count map)', async () => {
    const { termFeatures, termHashes } = await import('./features.js');
    const { labelProbabilities, labelProbabilitiesOfHashes } = await import('./topic-model.js');
    const { termKeys } = await import('./terms.js');
    for (const text of Object.values(TEXTS)) {
      const toks = tokens(text);
      const keys = termKeys(toks, model.terms);
      const isWord = Uint8Array.from(keys, (k) => (k === '' ? 0 : 1));
      for (const bigrams of [false, true]) {
        const a = labelProbabilities(model.classifier, termFeatures(toks, model.terms, bigrams));
        const b = labelProbabilitiesOfHashes(model.classifier, termHashes(keys), isWord, bigrams);
        for (let k = 0; k < a.length; k++) expect(b[k]).toBeCloseTo(a[k], 10);
      }
    }
  });
});
