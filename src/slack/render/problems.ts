import { MAX_YEARS, MIN_YEARS, RECORD_TYPES, type CommandName, type ParseProblem } from '../parse/command.js';
import type { Messages } from '../i18n/index.js';
import { escapeSlackText } from '../parse/slack-text.js';

function problemText(t: Messages, problem: ParseProblem): string {
  switch (problem.reason) {
    case 'unknown-command':
      return t.problem_unknownCommand({ word: escapeSlackText(problem.word) });
    case 'unterminated-quote':
      return t.problem_unterminatedQuote({ quote: problem.quote });
    case 'missing-argument':
      return t.problem_missingArgument({ argument: escapeSlackText(problem.argument) });
    case 'extra-arguments':
      return t.problem_extraArguments({ extra: escapeSlackText(problem.extra) });
    case 'bad-years':
      return t.problem_badYears({ value: escapeSlackText(problem.value), min: MIN_YEARS, max: MAX_YEARS });
    case 'bad-record-type':
      return t.problem_badRecordType({ value: escapeSlackText(problem.value), types: RECORD_TYPES.join(', ') });
    case 'bad-priority':
      return t.problem_badPriority({ value: escapeSlackText(problem.value) });
    case 'bad-lang':
      return t.problem_badLang({ value: escapeSlackText(problem.value) });
    case 'too-many-names':
      return t.problem_tooManyNames({ count: problem.count, max: problem.max });
  }
}

/** Describes a malformed command: what is wrong, then the usage line of the command in the person's language. */
export function renderProblem(t: Messages, problem: ParseProblem, command: CommandName | undefined): string {
  const usage = command ? t[`usage_${command}`]() : undefined;
  return usage ? `${problemText(t, problem)}\n${t.usageLine({ usage })}` : problemText(t, problem);
}
