import { SETTINGS } from './settings.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The settings table of docs/configuration.md, rendered from the settings list. */
export function renderSettingsTable(): string {
  const rows = SETTINGS.map((spec) => {
    const where = [spec.flag && `\`${spec.flag}\``, spec.env && `\`${spec.env}\``, spec.file && `\`${spec.file}\``].filter(Boolean).join('<br>') || '—';
    const fallback = spec.defaultText ?? (spec.default === undefined ? '—' : Array.isArray(spec.default) ? (spec.default.length ? spec.default.join(',') : '(empty)') : String(spec.default));
    return `| ${cell(where)} | ${cell(spec.type)} | ${cell(fallback === '—' ? fallback : `\`${fallback}\``)} | ${cell(spec.description)} |`;
  });
  return ['| flag / environment / ~/.regapi2 key | type | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
