import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

// The content-addressed photo store: a file's name is the SHA-256 of its bytes, two levels of directories by its first
// four hex digits (`ab/cd/abcd…`) so that no directory grows to hundreds of thousands of entries. The same bytes
// always land on the same name, so storing them twice stores them once.

const SHA256 = /^[0-9a-f]{64}$/;
const LEVEL = /^[0-9a-f]{2}$/;
/** Files being written live here until complete; same file system as the store, so the final rename is atomic. */
const TEMP_DIR = 'tmp';

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A file found in the store: its name when it is a well-placed SHA-256, else null (a temp file, a stray file). */
export interface StoredFile {
  /** Relative to the store's root. */
  path: string;
  sha256: string | null;
  bytes: number;
  modifiedAt: Date;
}

export class PhotoStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Stores `bytes` under their SHA-256. They are written to a temp file, flushed, then renamed into place: a crash
   * leaves at most a temp file, never a partial file under a final name. `created` is false when they were there.
   */
  async put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, created: false };
    const tempDir = join(this.root, TEMP_DIR);
    await mkdir(tempDir, { recursive: true });
    const temp = join(tempDir, `${sha256}.${randomUUID()}`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(join(target, '..'), { recursive: true });
      // Two uploads of the same bytes may both get here; the second rename replaces identical bytes, harmlessly.
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The stored bytes, or null when there is no such file. */
  async read(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Removes a stored file (true) or finds none (false). */
  async remove(sha256: string): Promise<boolean> {
    return this.removePath(this.pathOf(sha256));
  }

  /** Removes a file by its path relative to the root, as `files()` lists it (a temp or stray file). */
  async removeRelative(path: string): Promise<boolean> {
    if (path.split(/[\\/]/).includes('..')) throw new Error(`not a path inside the store: ${path}`);
    return this.removePath(join(this.root, path));
  }

  private async removePath(path: string): Promise<boolean> {
    try {
      await rm(path);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Every file under the root: stored photos, and whatever else is there (temp files a crash left, stray files). */
  async files(): Promise<StoredFile[]> {
    const found: StoredFile[] = [];
    const visit = async (relative: string, depth: number): Promise<void> => {
      for (const entry of await listDir(join(this.root, relative))) {
        const path = relative ? join(relative, entry.name) : entry.name;
        if (entry.isDirectory()) {
          await visit(path, depth + 1);
          continue;
        }
        const info = await stat(join(this.root, path));
        const parts = path.split(/[\\/]/);
        const wellPlaced = depth === 2 && SHA256.test(entry.name) && LEVEL.test(parts[0]) && LEVEL.test(parts[1]) && entry.name.startsWith(parts[0] + parts[1]);
        found.push({ path, sha256: wellPlaced ? entry.name : null, bytes: info.size, modifiedAt: info.mtime });
      }
    };
    await visit('', 0);
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }
}

async function listDir(path: string) {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
