// Character n-grams of Chinese text: words are not separated, so overlapping character pairs stand in for words
// (a two-character word is one bigram, a longer one several) without a dictionary.

/**
 * The distinct bigrams of a text, each coded as the two UTF-16 units in one number, ascending; sorted arrays let
 * two sets be intersected by one merge without hashing. A one-character text is its own single gram.
 */
export function bigrams(text: string): Float64Array {
  const codes = new Set<number>();
  if (text.length === 1) codes.add(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) codes.add(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
  return Float64Array.from(codes).sort();
}

export function intersectionSize(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

export function jaccard(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = intersectionSize(a, b);
  return shared / (a.length + b.length - shared);
}

/**
 * Cosine of two n-gram sets, |A∩B| / √(|A|·|B|): a terse photo report (随手拍) that repeats the address of a long
 * hotline ticket scores well above its Jaccard, which the long ticket's extra words would drag down.
 */
export function cosine(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return intersectionSize(a, b) / Math.sqrt(a.length * b.length);
}
