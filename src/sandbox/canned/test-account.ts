import { accountAnswers } from './account-answers.js';
import { domainAnswers } from './domain-answers.js';
import { serviceAnswers } from './service-answers.js';
import type { CannedAnswer } from './support.js';

/**
 * Answers of the public test account (`test`/`test`), by method path. REG.API validates the test
 * account's input like a real account's, executes nothing, and returns fixed example values. The
 * values in these files are the ones REG.API's documentation and the official Ruby and Perl clients'
 * tests show. Nothing here changes state.
 */
export const testAccountAnswers: Readonly<Record<string, CannedAnswer>> = {
  ...accountAnswers,
  ...serviceAnswers,
  ...domainAnswers,
};
