import { describe, it, expect } from 'vitest';
import { collapseSpaces, foldForSearch, foldKana, normalizeName } from '../../shared/text/normalize';

describe('foldForSearch', () => {
  it('folds hiragana, katakana and half-width katakana to the same key', () => {
    expect(foldForSearch('やまだ')).toBe('やまだ');
    expect(foldForSearch('ヤマダ')).toBe('やまだ');
    expect(foldForSearch('ﾔﾏﾀﾞ')).toBe('やまだ');
  });

  it('combines half-width dakuten and handakuten', () => {
    expect(foldForSearch('ｶﾞ')).toBe('が');
    expect(foldForSearch('ﾊﾟﾝ')).toBe('ぱん');
  });

  it('folds full-width alphanumerics and lowercases', () => {
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(foldForSearch('ALS')).toBe('als');
  });

  it('collapses ASCII and ideographic spaces and trims', () => {
    expect(foldForSearch('　山田　　太郎 \t ')).toBe('山田 太郎');
  });

  it('folds small kana, ヶ and iteration marks', () => {
    expect(foldForSearch('ァヶヽヾ')).toBe('ぁゖゝゞ');
  });

  it('folds era ligatures and compatibility ideographs', () => {
    expect(foldForSearch('㍻')).toBe('平成');
    expect(foldForSearch('\uFA10')).toBe('\u585A');
  });
});

describe('foldKana', () => {
  it('changes katakana only', () => {
    expect(foldKana('カタカナ ABC ｶ')).toBe('かたかな ABC ｶ');
    expect(foldKana('ヷ')).toBe('ヷ'); // no hiragana counterpart
  });
});

describe('collapseSpaces', () => {
  it('handles mixed whitespace', () => {
    expect(collapseSpaces(' a\u3000\u3000b\n')).toBe('a b');
  });
});

describe('normalizeName', () => {
  it('folds width but keeps kana kind and case', () => {
    expect(normalizeName('  ﾔﾏﾀﾞ　ﾀﾛｳ ')).toBe('ヤマダ タロウ');
    expect(normalizeName('やまだ')).toBe('やまだ');
    expect(normalizeName('Ｙａｍａｄａ')).toBe('Yamada');
  });

  it('keeps CJK compatibility ideographs (name variants) as typed', () => {
    expect(normalizeName('\uFA10本　ﾀﾛｳ')).toBe('\uFA10本 タロウ');
  });
});
