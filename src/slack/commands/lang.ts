import { messagesFor, type Locale } from '../i18n/index.js';
import { setUserLocale } from '../settings.js';
import type { CommandRequest, Reply } from './types.js';

/** Stores the person's language; the answer is already in the new one. */
export async function runLang(request: CommandRequest, lang: Locale): Promise<Reply> {
  await setUserLocale(request.deps.store, request.userId, lang);
  return { text: messagesFor(lang).lang_set({ lang }) };
}
