import { readFileSync } from 'node:fs';

/** Keys the Ruby gem's console reads from `~/.regapi2`; a user of the gem keeps their file. */
export const FILE_KEYS = ['username', 'password', 'lang', 'pem', 'pem_password', 'ca_cert_path'] as const;
export type FileKey = (typeof FILE_KEYS)[number];

export interface FileSettings {
  values: Partial<Record<FileKey, string>>;
  /** Lines that are neither `key=value`, a comment nor blank, and keys the file format does not have. */
  problems: string[];
}

/**
 * Parses the gem's format: `key=value` lines, `#` comments, blank lines. Values are taken verbatim
 * after the first `=`, with surrounding white space removed, so passwords may contain `=` and `#`.
 */
export function parseConfigFile(text: string, fileName: string): FileSettings {
  const values: Partial<Record<FileKey, string>> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    if (equals <= 0) {
      problems.push(`${fileName} line ${index + 1}: expected key=value`);
      return;
    }
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim();
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      problems.push(`${fileName} line ${index + 1}: unknown key "${key}" (known keys: ${FILE_KEYS.join(', ')})`);
      return;
    }
    values[key as FileKey] = value;
  });
  return { values, problems };
}

/** Reads the file when it exists; a missing file is not an error. */
export function readConfigFile(path: string): FileSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [] };
    return { values: {}, problems: [`${path}: cannot be read (${(error as Error).message})`] };
  }
  return parseConfigFile(text, path);
}
