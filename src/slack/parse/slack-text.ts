/**
 * Undoes what Slack does to the text of a slash command before delivering it, so values reach REG.API
 * as the person typed them:
 * - `&`, `<` and `>` arrive as `&amp;`, `&lt;` and `&gt;` (Slack's message formatting rules);
 * - typed host names, URLs and e-mail addresses arrive as link markup: `<http://example.ru|example.ru>`,
 *   `<https://example.ru>`, `<mailto:dmarc@example.ru|dmarc@example.ru>`;
 * - clients replace straight quotes with typographic ones (“ ” ‘ ’) and Russian keyboards type « ».
 */

const LINK = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/** Replaces Slack link markup by the text the person most likely typed. */
export function unwrapLinks(text: string): string {
  return text.replace(LINK, (_whole, target: string, label: string | undefined, offset: number) => {
    if (target.startsWith('@') || target.startsWith('#')) {
      // User and channel mentions: `<@U123|anna>` becomes `@anna`, `<#C123|ops>` becomes `#ops`.
      return label ? `${target[0]}${label}` : target;
    }
    if (target.startsWith('!')) {
      // Special mentions (`<!here>`) and date tokens: keep the fallback text or the bare keyword.
      return label ?? `@${target.slice(1)}`;
    }
    if (target.toLowerCase().startsWith('mailto:')) {
      // DMARC `rua=`, CAA `iodef` and SOA contacts need the scheme; Slack hides it in the label.
      const before = text.slice(0, offset).toLowerCase();
      return before.endsWith('mailto:') ? target.slice('mailto:'.length) : target;
    }
    // A host name typed without a scheme arrives with one added; the label is what was typed.
    return label ?? target;
  });
}

/** Decodes the three entities Slack escapes; `&amp;` last, so `&amp;lt;` stays the literal `&lt;`. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const DOUBLE_QUOTES = /[“”„‟«»″]/g;
const SINGLE_QUOTES = /[‘’‚‛′]/g;

/** Turns typographic quotes into straight ones and odd spaces into plain spaces. */
export function straightenQuotes(text: string): string {
  return text
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Returns the command text as typed: links unwrapped, entities decoded, quotes straightened. */
export function normaliseSlackText(text: string): string {
  return straightenQuotes(decodeEntities(unwrapLinks(text))).trim();
}

/** Escapes text for a Slack message, so a value echoed back is shown exactly and never becomes markup. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
