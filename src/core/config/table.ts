import { SETTINGS, type SettingSpec } from './settings.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function defaultText(spec: SettingSpec): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  if (spec.default === undefined) return '—';
  if (Array.isArray(spec.default)) return spec.default.length > 0 ? spec.default.join(',') : '(empty)';
  return String(spec.default);
}

/** Renders the settings table of docs/configuration.md from the settings list. */
export function renderSettingsTable(): string {
  const rows = SETTINGS.map((spec) => {
    const where = [spec.flag && `\`${spec.flag}\``, spec.env && `\`${spec.env}\``, spec.file && `\`${spec.file}\``].filter(Boolean).join('<br>') || '—';
    const fallback = defaultText(spec);
    const shown = fallback === '—' ? fallback : `\`${fallback}\``;
    return `| ${cell(where)} | ${cell(spec.type)} | ${cell(shown)} | ${cell(spec.description)} |`;
  });
  return ['| flag / environment / ~/.regapi2 key | type | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
