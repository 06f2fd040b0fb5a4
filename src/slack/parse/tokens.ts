/** A word of a command; `quoted` tells that the person put it in quotes, so it is a value, not a keyword. */
export interface Token {
  text: string;
  quoted: boolean;
}

export class TokenizeError extends Error {
  constructor(readonly quote: string) {
    super(`unterminated quote ${quote}`);
    this.name = 'TokenizeError';
  }
}

const QUOTES = new Set(['"', "'"]);

/**
 * Splits normalised command text on white space. A quote opens a quoted word only at the start of a
 * word and closes at the same quote followed by white space or the end, so apostrophes inside words
 * (`it's`) and quotes inside a value stay literal.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;

  while (position < text.length) {
    while (position < text.length && /\s/.test(text[position])) position += 1;
    if (position >= text.length) break;

    const first = text[position];
    if (QUOTES.has(first)) {
      const close = findClosingQuote(text, position + 1, first);
      if (close === -1) throw new TokenizeError(first);
      tokens.push({ text: text.slice(position + 1, close), quoted: true });
      position = close + 1;
      continue;
    }

    const start = position;
    while (position < text.length && !/\s/.test(text[position])) position += 1;
    tokens.push({ text: text.slice(start, position), quoted: false });
  }
  return tokens;
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === quote && (index + 1 === text.length || /\s/.test(text[index + 1]))) return index;
  }
  return -1;
}
