import { readFileSync } from 'node:fs';

/** A command's JSON input file, or `fail` (which exits) with one line naming why it cannot be read. */
export function readJsonFile(file: string, fail: (message: string) => never): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? String(error))}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    fail(`${file} is not valid JSON`);
  }
}
