/**
 * Error texts in the two languages the sandbox speaks. REG.API localises only `error_text` by the
 * `lang` field; codes never change. `{name}` is replaced by the error parameter of that name.
 * The texts are the sandbox's own wording, close in meaning to REG.API's; clients must branch on codes.
 */
const TEXTS: Record<string, { en: string; ru: string }> = {
  ONLY_POST_ALLOWED: { en: 'Only HTTP method POST allowed', ru: 'Разрешён только HTTP-метод POST' },
  QUERY_PARAMS_DISALLOWED: {
    en: 'Parameters in the URL query are not allowed, send them in the POST body',
    ru: 'Параметры в строке запроса запрещены, передавайте их в теле POST-запроса',
  },
  NO_SUCH_COMMAND: { en: 'Command {command_name} not found', ru: 'Команда {command_name} не найдена' },
  NO_USERNAME: { en: 'No username given', ru: 'Не указано имя пользователя' },
  NO_AUTH: { en: 'No authorization mechanism selected', ru: 'Не выбран механизм авторизации' },
  USER_AUTHENTICATION_FAILED: { en: 'Login or password is incorrect.', ru: 'Неверный логин или пароль.' },
  RESELLER_AUTH_FAILED: {
    en: 'This command is available to partners (resellers) only',
    ru: 'Эта команда доступна только партнёрам',
  },
  ACCESS_DENIED_FROM_IP: { en: 'Access to API from this IP denied', ru: 'Доступ к API с этого IP-адреса запрещён' },
  ACCOUNT_EXCEEDED_ALLOWED_CONNECTION_RATE: {
    en: 'The account exceeded the allowed connection rate, try again later',
    ru: 'Превышена допустимая частота запросов для аккаунта, повторите позже',
  },
  IP_EXCEEDED_ALLOWED_CONNECTION_RATE: {
    en: 'The IP address exceeded the allowed connection rate, try again later',
    ru: 'Превышена допустимая частота запросов с IP-адреса, повторите позже',
  },
  BILLING_LOCK: {
    en: 'There is another active connection for billing operation, try again later',
    ru: 'Выполняется другая биллинговая операция, повторите позже',
  },
  DOMAIN_ORDER_LOCKED: {
    en: 'Another order for domain {domain_name} is being processed',
    ru: 'Для домена {domain_name} уже выполняется другой заказ',
  },
  PARAMETER_MISSING: { en: 'Parameter {param} is missing', ru: 'Не указан параметр {param}' },
  PARAMETER_INCORRECT: {
    en: 'Parameter {param} is incorrect: {error_detail}',
    ru: 'Неверное значение параметра {param}: {error_detail}',
  },
  TOO_MANY_OBJECTS_IN_ONE_REQUEST: {
    en: 'Too many objects in one request, the maximum is {max_objects}',
    ru: 'Слишком много объектов в одном запросе, максимум {max_objects}',
  },
  NO_DOMAIN: { en: 'domain_name not given or empty', ru: 'Не указано имя домена' },
  DOMAIN_NOT_FOUND: { en: 'Domain {domain_name} not found', ru: 'Домен {domain_name} не найден' },
  SERVICE_NOT_FOUND: { en: 'Service not found', ru: 'Услуга не найдена' },
  SERVICE_ID_NOT_FOUND: { en: 'Service with this service_id not found', ru: 'Услуга с таким service_id не найдена' },
  INVALID_SERVICE_ID: { en: 'service_id is invalid', ru: 'Неверный service_id' },
  INVALID_DOMAIN_NAME_FORMAT: {
    en: '{domain_name} is invalid or unsupported zone',
    ru: '{domain_name}: неверное имя или неподдерживаемая зона',
  },
  INVALID_DOMAIN_NAME_PUNYCODE: {
    en: 'Invalid punycode value for domain_name',
    ru: 'Неверное значение punycode в имени домена',
  },
  HAVE_MIXED_CODETABLES: {
    en: 'Domain name mixes characters of different alphabets',
    ru: 'В имени домена смешаны символы разных алфавитов',
  },
  DOMAIN_ALREADY_EXISTS: { en: 'Domain already exists, use whois service', ru: 'Домен уже зарегистрирован' },
  DOMAIN_ALREADY_ORDERED: {
    en: 'The domain is already ordered and waits for payment',
    ru: 'Домен уже заказан и ожидает оплаты',
  },
  AUTHINFO_NOT_FOUND: { en: 'authinfo is missing for this domain', ru: 'Не указан authinfo для домена' },
  INVALID_AUTHINFO: { en: 'authinfo must be 5 to 48 characters', ru: 'authinfo должен содержать от 5 до 48 символов' },
  DOMAIN_IS_NOT_USE_REGRU_NSS: {
    en: 'Domain does not use REG.RU name servers',
    ru: 'Домен не использует DNS-серверы REG.RU',
  },
  BAD_USER_SERVID: {
    en: 'user_servid must be 1 to 32 characters of 0-9 and a-f',
    ru: 'user_servid должен состоять из 1–32 символов 0-9 и a-f',
  },
  USER_SERVID_IS_NOT_UNIQUE: {
    en: 'user_servid {user_servid} is already used by another service',
    ru: 'user_servid {user_servid} уже используется другой услугой',
  },
  NOT_ENOUGH_MONEY: { en: 'Not enough money on the balance', ru: 'Недостаточно средств на счёте' },
  DOUBLE_ORDER: {
    en: 'An unpaid order for {domain_name} ({servtype}) already exists',
    ru: 'Неоплаченный заказ {domain_name} ({servtype}) уже существует',
  },
  SERVICE_ALREADY_EXISTS: { en: 'Service already exists', ru: 'Услуга уже существует' },
  PRICES_NOT_FOUND: { en: 'Prices for {servtype} not found', ru: 'Цены для {servtype} не найдены' },
  IP_INVALID: { en: 'IP address is invalid', ru: 'Неверный IP-адрес' },
  SUBD_INVALID: { en: 'Subdomain is invalid', ru: 'Неверный поддомен' },
  CNAME_INVALID: { en: 'Canonical name is invalid', ru: 'Неверное каноническое имя' },
  MAILHOST_INVALID: { en: 'Mail server is invalid', ru: 'Неверный почтовый сервер' },
  NSADDR_INVALID: { en: 'Name server address is invalid', ru: 'Неверный адрес DNS-сервера' },
  TEXT_NOT_FOUND: { en: 'Text is not given', ru: 'Не указан текст' },
  TEXT_TOOLONG: { en: 'Text is too long', ru: 'Слишком длинный текст' },
  PRIORITY_INVALID: { en: 'Priority is invalid', ru: 'Неверный приоритет' },
  PORT_INVALID: { en: 'Port is invalid', ru: 'Неверный порт' },
  WEIGHT_INVALID: { en: 'Weight is invalid', ru: 'Неверный вес' },
  SERVICE_INVALID: { en: 'Service name is invalid', ru: 'Неверное имя сервиса' },
  FLAGS_INVALID: { en: 'Flags are invalid', ru: 'Неверные флаги' },
  TAG_INVALID: { en: 'Tag is invalid', ru: 'Неверный тег' },
  CAA_INVALID: { en: 'CAA value is invalid', ru: 'Неверное значение CAA' },
  HTTPS_TARGET_INVALID: { en: 'HTTPS target is invalid', ru: 'Неверная цель HTTPS-записи' },
  SOA_RECORD_INVALID: { en: 'SOA values are invalid', ru: 'Неверные значения SOA' },
  INVALID_ACTION: { en: 'Action {action} is invalid', ru: 'Неверное действие {action}' },
  DOMAIN_DOESNT_SUPPORT_DNSSEC: { en: "This domain doesn't support DNSSEC", ru: 'Домен не поддерживает DNSSEC' },
  DOMAIN_USES_REGRU_NSS: {
    en: 'Domain uses REG.RU name servers; REG.RU manages its keys',
    ru: 'Домен использует DNS-серверы REG.RU, ключами управляет REG.RU',
  },
  INVALID_RECORDS: { en: 'DS or DNSKEY records are invalid', ru: 'Неверные записи DS или DNSKEY' },
  BILL_ID_NOT_FOUND: { en: 'Bill not found', ru: 'Счёт не найден' },
  BILL_CAN_NOT_REMOVED: { en: 'Bill can not be removed', ru: 'Счёт нельзя удалить' },
  FOLDER_NOT_FOUND: { en: 'Folder not found', ru: 'Папка не найдена' },
  FOLDER_ALREADY_EXISTS: { en: 'Folder already exists', ru: 'Папка уже существует' },
  SERVICE_NOT_SUSPENDED: { en: 'Service is not suspended', ru: 'Услуга не приостановлена' },
  INCORRECT_STATE: { en: 'Service state does not allow this operation', ru: 'Состояние услуги не позволяет эту операцию' },
  ORDER_ALREADY_PAYED: { en: 'The bill is already paid', ru: 'Счёт уже оплачен' },
  INVALID_CONTACTS: { en: 'Contact data is invalid', ru: 'Неверные контактные данные' },
  DOMAINS_NOT_FOUND: { en: 'No domains given', ru: 'Не указаны домены' },
  INTERNAL_ERROR: { en: 'Internal error: {error_detail}', ru: 'Внутренняя ошибка: {error_detail}' },
  INTERNAL_API_ERROR: {
    en: 'Internal API error, try again later',
    ru: 'Внутренняя ошибка API, повторите попытку позже',
  },
};

export type Lang = 'en' | 'ru';

/** Returns the error text for `code` in `lang`, with `{name}` placeholders filled from `params`. */
export function errorText(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const entry = TEXTS[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Picks the text language from REG.API's `lang` field: `ru` gives Russian, anything else English (`th` included). */
export function pickLang(value: unknown): Lang {
  return value === 'ru' ? 'ru' : 'en';
}
