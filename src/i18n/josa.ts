/**
 * Korean particles (조사) chosen from the word they follow, by the 받침 rule:
 * `josa('함수', '을/를')` is `함수를`, `josa('2', '을/를')` is `2를` (read 이),
 * `josa('x', '이/가')` is `x가` (read 엑스). The first form of a pair follows a final
 * consonant, the second a vowel; `으로/로` also takes `로` after ㄹ.
 *
 * How the end of the word is read: a Hangul syllable by its own 받침; a number by how it
 * is read in Korean (…1 일, …3 삼, …10 십, …100 백); a Latin letter by its English name
 * (l 엘, m 엠, n 엔, r 알 end in a consonant); a Greek letter by its Korean name.
 * Closing brackets, quotes, primes and spaces at the end are skipped. When the end cannot
 * be read (a symbol), both forms are written, as Korean does: `을(를)`.
 */

/** The particle pairs: the form after a final consonant / the form after a vowel. */
export type JosaPair =
  | '을/를'
  | '이/가'
  | '은/는'
  | '과/와'
  | '으로/로'
  | '이다/다'
  | '이에요/예요'
  | '이라는/라는'
  | '이나/나'
  | '이어야/여야';

/** The final sound of a word: none (a vowel), ㄹ, another consonant, or not known. */
export type Coda = 'vowel' | 'rieul' | 'consonant' | 'unknown';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8; // index of ㄹ among the final consonants

/** 0–9 read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT: readonly Coda[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];

/** Latin letters read by their English names: only l, m, n, r end in a consonant. */
function latin(letter: string): Coda {
  switch (letter) {
    case 'l':
    case 'r':
      return 'rieul';
    case 'm':
    case 'n':
      return 'consonant';
    default:
      return 'vowel';
  }
}

/** Greek letters by their Korean names (알파, 베타, 감마, 델타, 엡실론, …). */
const GREEK: Readonly<Record<string, Coda>> = {
  α: 'vowel',
  β: 'vowel',
  γ: 'vowel',
  δ: 'vowel',
  ε: 'consonant',
  ζ: 'vowel',
  η: 'vowel',
  θ: 'vowel',
  ι: 'vowel',
  κ: 'vowel',
  λ: 'vowel',
  μ: 'vowel',
  ν: 'vowel',
  ξ: 'vowel',
  ο: 'consonant',
  π: 'vowel',
  ρ: 'vowel',
  σ: 'vowel',
  τ: 'vowel',
  υ: 'consonant',
  φ: 'vowel',
  χ: 'vowel',
  ψ: 'vowel',
  ω: 'vowel',
};

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
/** Ignored at the end of a word: closing brackets, quotes, primes, spaces, full stops. */
const TRAILING = /[\s)\]}'"’”′″.,]+$/u;

/** How a number written in digits ends when read in Korean. */
function numberCoda(digits: string): Coda {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  const last = trimmed[trimmed.length - 1];
  if (last === undefined) return 'unknown';
  if (last !== '0' || trimmed === '0') return DIGIT[Number(last)] ?? 'unknown';
  // …10 십, …100 백, …1000 천, …10000 만: each ends in a consonant other than ㄹ.
  return 'consonant';
}

/** The final sound of `word` as a Korean reader says it. */
export function coda(word: string): Coda {
  const text = word.replace(TRAILING, '');
  const ch = text[text.length - 1];
  if (ch === undefined) return 'unknown';
  const code = ch.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return final === 0 ? 'vowel' : final === RIEUL ? 'rieul' : 'consonant';
  }
  if (/[0-9]/.test(ch)) {
    // The integer or fractional run of digits the word ends with: 1.5 is read 일 점 오.
    const run = /[0-9]+$/.exec(text)?.[0] ?? ch;
    return /\.[0-9]+$/.test(text) ? (DIGIT[Number(ch)] ?? 'unknown') : numberCoda(run);
  }
  const sup = SUPERSCRIPT_DIGITS.indexOf(ch);
  if (sup >= 0) return DIGIT[sup] ?? 'unknown';
  const sub = SUBSCRIPT_DIGITS.indexOf(ch);
  if (sub >= 0) return DIGIT[sub] ?? 'unknown';
  const lower = ch.toLowerCase();
  if (/[a-z]/.test(lower)) return latin(lower);
  const greek = GREEK[lower];
  if (greek) return greek;
  return 'unknown';
}

/** `word` followed by the particle of `pair` that fits it. */
export function josa(word: string, pair: JosaPair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const end = coda(word);
  if (end === 'unknown') return `${word}${both(pair)}`;
  const vowelLike = end === 'vowel' || (end === 'rieul' && pair === '으로/로');
  return `${word}${vowelLike ? afterVowel : afterConsonant}`;
}

/** The conventional written form when the reading is unknown: 을(를), 이(가), (으)로. */
function both(pair: JosaPair): string {
  if (pair === '으로/로') return '(으)로';
  const [a, b] = pair.split('/') as [string, string];
  // 이다/다 → (이)다: the shared ending is written once.
  if (a.endsWith(b)) return `(${a.slice(0, a.length - b.length)})${b}`;
  return `${a}(${b})`;
}
