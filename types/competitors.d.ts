// Minimal typings for the competitor libraries we benchmark against (they ship none).

declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): SnowballStemmer; algorithms(): string[] };
  export default snowball;
}

declare module '@nlpjs/lang-ar' {
  /** nlp.js's Arabic tokenizer. */
  export class TokenizerAr {
    tokenize(text: string, normalize?: boolean): string[];
  }
  /** nlp.js's Arabic stemmer. */
  export class StemmerAr {
    stem(tokens: string[]): string[];
    stemWord(word: string): string;
  }
}
