import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PhotoStore } from '../../../server/photos/store.js';

const freshStore = () => new PhotoStore(mkdtempSync(join(tmpdir(), 'jointops-store-')));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('PhotoStore', () => {
  test('stores bytes under ab/cd/<sha256> and reads them back', async () => {
    const store = freshStore();
    const bytes = new TextEncoder().encode('photo bytes');
    const { sha256, created } = await store.put(bytes);
    expect(sha256).toBe(sha(bytes));
    expect(created).toBe(true);
    expect(store.pathOf(sha256)).toBe(join(store.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(readFileSync(store.pathOf(sha256)).equals(Buffer.from(bytes))).toBe(true);
    expect((await store.read(sha256))?.equals(Buffer.from(bytes))).toBe(true);
    expect(await store.read('0'.repeat(64))).toBeNull();
  });

  test('the same bytes twice are stored once; concurrent puts of the same bytes leave one file', async () => {
    const store = freshStore();
    const bytes = new Uint8Array(100_000).fill(7);
    const results = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect((await store.put(bytes)).created).toBe(false);
    const files = await store.files();
    expect(files.map((f) => f.sha256)).toEqual([sha(bytes)]);
    expect(files[0].bytes).toBe(100_000);
    // Nothing left in the temp directory.
    expect(readdirSync(join(store.root, 'tmp'))).toEqual([]);
  });

  test('a write that fails leaves no file under the final name and no temp file', async () => {
    const store = freshStore();
    const bytes = new TextEncoder().encode('will not fit');
    const name = sha(bytes);
    // The final rename cannot happen, after the bytes were written: a directory stands under the final name.
    const final = join(store.root, name.slice(0, 2), name.slice(2, 4), name);
    await mkdir(join(final, 'in-the-way'), { recursive: true });
    await expect(store.put(bytes)).rejects.toThrow();
    expect(statSync(final).isDirectory()).toBe(true);
    expect(await store.has(name)).toBe(false);
    expect(readdirSync(join(store.root, 'tmp'))).toEqual([]);
  });

  test('files() lists stored files by name and everything else by path only (temp and stray files)', async () => {
    const store = freshStore();
    const { sha256 } = await store.put(Uint8Array.of(1, 2, 3));
    await mkdir(join(store.root, 'tmp'), { recursive: true });
    await writeFile(join(store.root, 'tmp', `${sha256}.left-by-a-crash`), 'half');
    await mkdir(join(store.root, 'ff', '00'), { recursive: true });
    await writeFile(join(store.root, 'ff', '00', sha256), 'misplaced');
    const files = await store.files();
    expect(files.find((f) => f.sha256 === sha256)?.path).toBe(join(sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(files.filter((f) => f.sha256 === null).map((f) => f.path).sort()).toEqual([join('ff', '00', sha256), join('tmp', `${sha256}.left-by-a-crash`)].sort());
    expect(await store.remove(sha256)).toBe(true);
    expect(await store.remove(sha256)).toBe(false);
    expect(await store.removeRelative(join('tmp', `${sha256}.left-by-a-crash`))).toBe(true);
    await expect(store.removeRelative('../outside')).rejects.toThrow();
  });

  test('an empty or absent root lists nothing', async () => {
    expect(await new PhotoStore(join(tmpdir(), 'jointops-no-such-store', String(process.pid))).files()).toEqual([]);
    const store = freshStore();
    await chmod(store.root, 0o755);
    expect(await store.files()).toEqual([]);
  });
});
