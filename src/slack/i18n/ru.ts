import type { Messages } from './en.js';

/** Russian names of the argument placeholders the parser reports, as the Russian usage lines spell them. */
const ARGUMENT_NAMES: Record<string, string> = {
  DOMAIN: 'ДОМЕН',
  'DOMAIN|SERVICE_ID': 'ДОМЕН|ID_УСЛУГИ',
  TLD: 'ЗОНА',
  SUBDOMAIN: 'ПОДДОМЕН',
  NAME: 'ИМЯ',
  TYPE: 'ТИП',
  VALUE: 'ЗНАЧЕНИЕ',
};

/** Russian messages, the default language of the Slack app. The keys and parameters match `en.ts`. */
export const ru: Messages = {
  working: () => '⏳ Выполняю…',
  usageLine: (p) => `Формат: \`${p.usage}\``,
  help: (p) =>
    [
      `*${p.command}* управляет доменами, DNS и услугами в REG.RU. Изменения ждут подтверждения в канале согласования.`,
      `• \`${p.command} check ДОМЕНЫ\`: свободен ли домен и сколько стоит (несколько имён через пробел или запятую)`,
      `• \`${p.command} price ЗОНА\`: цена регистрации и продления`,
      `• \`${p.command} balance\`: баланс счёта (видите только вы)`,
      `• \`${p.command} services [ФИЛЬТР]\`: услуги аккаунта`,
      `• \`${p.command} dns ДОМЕН\`: записи зоны`,
      `• \`${p.command} dns add ИМЯ ТИП ЗНАЧЕНИЕ [ПРИОРИТЕТ]\` или \`dns add ДОМЕН ПОДДОМЕН ТИП ЗНАЧЕНИЕ\`: добавить запись`,
      `• \`${p.command} dns rm ИМЯ ТИП [ЗНАЧЕНИЕ]\`: удалить одно значение или, после подтверждения, все`,
      `• \`${p.command} txt add ДОМЕН ПОДДОМЕН ЗНАЧЕНИЕ\`: добавить TXT-запись`,
      `• \`${p.command} order ДОМЕН [ЛЕТ]\`: зарегистрировать домен`,
      `• \`${p.command} renew ДОМЕН|ID_УСЛУГИ [ЛЕТ]\`: продлить домен или услугу`,
      `• \`${p.command} ops [ID]\`: операции и их состояние`,
      `• \`${p.command} lang ru|en\`: язык моих ответов вам`,
    ].join('\n'),

  usage_help: () => 'help',
  usage_check: () => 'check ДОМЕН [ДОМЕН ...]',
  usage_price: () => 'price ЗОНА',
  usage_balance: () => 'balance',
  usage_services: () => 'services [ФИЛЬТР]',
  usage_dns: () => 'dns ДОМЕН | dns add ИМЯ ТИП ЗНАЧЕНИЕ [ПРИОРИТЕТ] | dns rm ИМЯ ТИП [ЗНАЧЕНИЕ]',
  usage_txt: () => 'txt add ДОМЕН ПОДДОМЕН ЗНАЧЕНИЕ | txt rm ДОМЕН ПОДДОМЕН [ЗНАЧЕНИЕ]',
  usage_order: () => 'order ДОМЕН [ЛЕТ]',
  usage_renew: () => 'renew ДОМЕН|ID_УСЛУГИ [ЛЕТ]',
  usage_ops: () => 'ops [ID]',
  usage_lang: () => 'lang ru|en',

  problem_unknownCommand: (p) => `Неизвестная команда \`${p.word}\`. Список команд: \`help\`.`,
  problem_unterminatedQuote: (p) => `Кавычка ${p.quote} не закрыта. Закройте её или напишите значение без кавычек.`,
  problem_missingArgument: (p) => `Не хватает аргумента ${ARGUMENT_NAMES[p.argument] ?? p.argument}.`,
  problem_extraArguments: (p) => `Лишние слова: \`${p.extra}\`. Значение с пробелами возьмите в кавычки.`,
  problem_badYears: (p) => `Неверный срок \`${p.value}\`: укажите целое число лет от ${p.min} до ${p.max}.`,
  problem_badRecordType: (p) => `Неверный тип записи \`${p.value}\`: допустимы ${p.types}.`,
  problem_badPriority: (p) => `Неверный приоритет \`${p.value}\`: укажите целое число от 0 до 65535.`,
  problem_badLang: (p) => `Неизвестный язык \`${p.value}\`: укажите \`ru\` или \`en\`.`,
  problem_tooManyNames: (p) => `${p.count} имён слишком много для одного сообщения: проверяйте не больше ${p.max} за раз.`,
  problem_badDomain: (p) => `Неверное имя домена \`${p.value}\`: пишите как \`example.ru\` или \`пример.рф\`.`,
  problem_badService: (p) => `\`${p.value}\` не похоже ни на имя домена, ни на ID услуги.`,
  problem_readOnly: () => 'regapi2 работает здесь только на чтение и не отправляет изменений в REG.RU.',
  problem_noApprovalChannel: (p) =>
    `Канал согласования не настроен, поэтому операцию \`${p.id}\` подтверждают в терминале: \`regapi2 ops approve ${p.id}\`.`,

  problem_cardNotPosted: (p) =>
    `Операция \`${p.id}\` ждёт подтверждения, но её карточку не удалось опубликовать в ${p.channel}; пригласите туда бота. Пока что её подтверждают в терминале: \`regapi2 ops approve ${p.id}\`.`,

  lang_set: (p) => `Теперь я отвечаю вам ${p.lang === 'ru' ? 'по-русски' : 'по-английски'}.`,

  check_header: (p) => `*Проверка ${p.count} ${plural(p.count, 'имени', 'имён', 'имён')}*`,
  check_available: (p) => `:large_green_circle: ${p.name}: свободен${p.price ? `, ${p.price} в год` : ''}`,
  check_unavailable: (p) => `:red_circle: ${p.name}: ${p.reason}`,

  price_line: (p) => `*.${p.tld}*: регистрация ${p.reg}, продление ${p.renew} в год`,
  price_unknown: (p) => `У REG.RU нет цены для \`.${p.tld}\`. Проверьте написание зоны.`,
  price_missing: () => 'нет в прайсе',

  balance_text: (p) => `*Баланс*: доступно ${p.available}, зарезервировано под заказы ${p.blocked}, кредит ${p.credit}.`,

  services_header: (p) => `*Услуги ${p.from}–${p.to} из ${p.total}*${p.filter ? ` по фильтру \`${p.filter}\`` : ''}`,
  services_line: (p) => `• ${p.name}: ${p.servtype}, ID ${p.id}, ${p.state}, действует до ${p.expires}`,
  services_empty: (p) => (p.filter ? `Нет услуг по фильтру \`${p.filter}\`.` : 'В аккаунте нет услуг.'),
  services_next: () => 'Следующая страница',
  services_state_N: () => 'ещё не активна',
  services_state_A: () => 'активна',
  services_state_S: () => 'приостановлена',
  services_state_D: () => 'удалена',
  services_state_O: () => 'перенесена к другому регистратору',
  services_noDate: () => 'без даты',

  dns_header: (p) => `*Зона ${p.zone}*: ${p.count} ${plural(p.count, 'запись', 'записи', 'записей')}`,
  dns_empty: (p) => `В зоне ${p.zone} нет записей.`,
  dns_more: (p) => `…и ещё ${p.count}; все записи показывает MCP-инструмент \`zone_get_resource_records\`.`,

  echo_dnsAdd: (p) => `Понял: добавить запись ${p.type} *${p.name}* = \`${p.value}\`${p.priority ? ` с приоритетом ${p.priority}` : ''}.`,
  echo_dnsRemove: (p) => `Понял: удалить запись ${p.type} *${p.name}* = \`${p.value}\`.`,
  echo_dnsRemoveAll: (p) => `Понял: удалить все записи ${p.type} у *${p.name}*.`,
  echo_order: (p) =>
    `Понял: зарегистрировать *${p.domain}* на ${p.years} ${plural(p.years, 'год', 'года', 'лет')} с профилем контактов ${p.profile}, DNS-серверы ns1.reg.ru и ns2.reg.ru.`,
  echo_renew: (p) => `Понял: продлить *${p.service}* на ${p.years} ${plural(p.years, 'год', 'года', 'лет')}.`,

  dns_noop: () => 'Такая запись в зоне уже есть, поэтому в REG.RU ничего не отправлено.',
  dns_removeAllConfirm: (p) =>
    `Значение не указано, поэтому будут удалены все ${p.count} ${plural(p.count, 'запись', 'записи', 'записей')} ${p.type} у *${p.name}*:\n${p.list}\nНажмите кнопку, чтобы отправить удаление на согласование, или укажите точное значение, чтобы удалить одну запись.`,
  dns_removeNothing: (p) => `У *${p.name}* нет подходящей записи ${p.type}. В REG.RU ничего не отправлено.`,
  button_removeAll: () => 'Удалить все',

  proposed: (p) => `Операция \`${p.id}\` ждёт подтверждения в ${p.channel}. Карточку там я буду обновлять.`,
  ops_header: (p) => `*Последние операции: ${p.count}*`,
  ops_line: (p) => `• \`${p.id}\` ${p.state}: ${p.headline} (запросил ${p.requestedBy})`,
  ops_none: () => 'Операций пока нет.',
  ops_notFound: (p) => `Операция \`${p.id}\` не найдена. Последние показывает \`ops\`.`,
  ops_detail: (p) => `*Операция \`${p.id}\`*: ${p.state}\n${p.headline}\nЗапросил ${p.requestedBy} ${p.created}; решение принял ${p.decidedBy}.`,
  ops_nobody: () => 'пока никто',

  state_proposed: () => 'предложена',
  state_awaiting_approval: () => 'ждёт подтверждения',
  state_approved: () => 'подтверждена',
  state_queued: () => 'в очереди',
  state_sending: () => 'отправляется в REG.RU',
  state_done: () => 'выполнена',
  state_done_unpaid: () => 'выполнена, счёт не оплачен',
  state_failed: () => 'не выполнена',
  state_rejected: () => 'отклонена',
  state_expired: () => 'просрочена',
  state_outcome_unknown: () => 'результат неизвестен, проверяется',

  card_title_write: () => 'Изменение ждёт подтверждения',
  card_title_billing: () => 'Оплата ждёт подтверждения',
  card_title_decided: () => 'Операция',
  card_operation: (p) => `Операция \`${p.id}\` (REG.API \`${p.path}\`)`,
  card_requestedBy: (p) => `Запросил ${p.who}`,
  card_price: (p) => `*Цена*: ${p.amount}`,
  card_priceUnknown: () => '*Цена*: неизвестна, см. предупреждения',
  card_balance: (p) => `*Баланс*: сейчас ${p.before}, после оплаты ${p.after}`,
  card_dnsToAdd: (p) => `*Добавить*:\n${p.list}`,
  card_dnsToRemove: (p) => `*Удалить*:\n${p.list}`,
  card_dnsAdded: (p) => `*Добавлено*:\n${p.list}`,
  card_dnsRemoved: (p) => `*Удалено*:\n${p.list}`,
  card_dnsUnchanged: (p) => `Остальные записи (${p.count}) не меняются.`,
  card_deletes: (p) => `*Удаляется безвозвратно*:\n${p.list}`,
  card_warnings: (p) => `*Предупреждения*:\n${p.list}`,
  card_expires: (p) => `Истекает ${p.date}, если не подтверждена`,
  card_state: (p) => `*Состояние*: ${p.state}`,
  card_decidedBy: (p) => `Решение принял ${p.who} ${p.date}`,
  card_rejectReason: (p) => `Причина: ${p.reason}`,
  card_error: (p) => `*Ошибка*: ${p.explanation}`,
  card_itemsFailed: (p) => `*Не выполнено*:\n${p.list}`,

  button_approve: () => 'Подтвердить',
  button_reject: () => 'Отклонить',
  confirm_title: () => 'Подтвердить операцию?',
  confirm_billing: (p) => `${p.what}\nС баланса REG.RU будет списано ${p.amount}.`,
  confirm_billingUnknown: (p) => `${p.what}\nЦена неизвестна; REG.RU спишет свою текущую цену.`,
  confirm_write: (p) => `${p.what}\nЭто изменит данные в REG.RU.`,
  confirm_yes: () => 'Подтвердить',
  confirm_no: () => 'Отмена',

  decision_notApprover: () => 'Подтверждать и отклонять операции могут только согласующие из REGAPI_SLACK_APPROVERS.',
  decision_selfApproval: () => 'Эту оплату запросили вы, поэтому подтвердить её должен другой согласующий.',
  decision_expired: () => 'Срок операции истёк, подтвердить её уже нельзя. Запросите её заново.',
  decision_alreadyDecided: (p) => `По этой операции уже принято решение: ${p.state}.`,
  decision_failed: (p) => `Решение не записано: ${p.message}`,
  decision_approved: (p) => `Вы подтвердили операцию \`${p.id}\`.`,
  decision_rejected: (p) => `Вы отклонили операцию \`${p.id}\`.`,

  order_modalTitle: () => 'Контакты домена',
  order_modalIntro: (p) =>
    `Для регистрации ${p.domain} REG.RU нужны контакты администратора домена. Укажите профиль контактов, сохранённый в вашем аккаунте REG.RU; я запомню его для следующих заказов.`,
  order_profileType: () => 'Тип профиля',
  order_profileName: () => 'Имя профиля',
  order_submit: () => 'Продолжить',
  order_cancel: () => 'Отмена',

  error_coded: (p) => `\`${p.code}\`: ${p.explanation}`,
  error_object: (p) => `Объект: ${p.object}`,
  error_hint: (p) => `Что делать: ${p.hint}`,
  error_retryAt: (p) => `Повторите после ${p.date}.`,
  error_unknownCode: (p) => `REG.API вернул ошибку: ${p.text}`,
  error_internal: () => 'Внутренняя ошибка regapi2, подробности в журнале. На согласование ничего не отправлено.',
  validation_failed: (p) => `REG.API не примет такие данные, поэтому ничего не отправлено:\n${p.list}`,
  partial_failed: (p) => `Часть объектов не обработана:\n${p.list}`,
};

/** Russian plural forms: 1 год, 2 года, 5 лет; 21 год, 11 лет. */
export function plural(count: number, one: string, few: string, many: string): string {
  const tens = Math.abs(count) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}
