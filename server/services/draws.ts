// 双随机 draws with the platform's SHA-256: the pure draws of server/planning take the hash as a parameter (pure
// modules import no Node built-in), and this module binds node:crypto to them. The campaign service, the API and the
// draw CLI call these.
import { createHash } from 'node:crypto';
import { poolHashOf, seedCommitmentOf, type Sha256Hex } from '../planning/draw-seed.js';
import {
  commitRegistryDraw,
  drawRegistry,
  verifyRegistryDraw,
  type DrawCommitment,
  type DrawVerification,
  type RegistryDrawInput,
  type RegistryDrawResult,
} from '../planning/registry-draw.js';

export const sha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 hex of the seed's UTF-8 bytes: published before the draw, so the seed cannot be changed afterwards. */
export const seedCommitment = (seed: string): string => seedCommitmentOf(seed, sha256Hex);

/** SHA-256 hex of the ids in ascending order, one per line ("id\n" each): the pool snapshot the draw reads. */
export const poolHash = (ids: readonly number[]): string => poolHashOf(ids, sha256Hex);

export const commitInspectionDraw = (input: RegistryDrawInput): DrawCommitment => commitRegistryDraw(input, sha256Hex);

export const drawInspectionObjects = (input: RegistryDrawInput): RegistryDrawResult => drawRegistry(input, sha256Hex);

/** Replays a recorded draw (the same input gives exactly the same result) and lists what differs. */
export const replayInspectionDraw = (recorded: RegistryDrawResult, input: RegistryDrawInput): DrawVerification =>
  verifyRegistryDraw(recorded, input, sha256Hex);
