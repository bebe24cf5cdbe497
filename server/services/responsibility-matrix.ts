// 责任矩阵 as the product keeps it: versions in the database, the newest in force, the default (version 1) until one
// is stored; administrators store a new version against the one they edited, checked with matrixProblems.
import type { MatrixUpdate, ResponsibilityMatrix } from '../contract/clue-loop.js';
import { matrixRuleSchema } from '../contract/clue-loop.js';
import { DEFAULT_RESPONSIBILITY_MATRIX, matrixChanges, matrixProblems, type MatrixRule } from '../domain/responsibility-matrix.js';
import { departmentNames } from '../../db/queries/departments.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { currentMatrix, insertMatrixVersion, lockMatrixWrites, matrixVersions } from '../../db/queries/responsibility-matrix.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, ServiceError } from './errors.js';

export interface MatrixInForce {
  version: number;
  createdBy: string;
  createdAt: string;
  rules: readonly MatrixRule[];
}

const storedRules = matrixRuleSchema.array();

/** The matrix in force: the newest stored version, or the default as version 1 when none is stored. */
export async function matrixInForce(q: Queryable): Promise<MatrixInForce> {
  const stored = await currentMatrix(q);
  if (!stored) return { version: 1, createdBy: 'system', createdAt: new Date(0).toISOString(), rules: DEFAULT_RESPONSIBILITY_MATRIX };
  return { ...stored, rules: storedRules.parse(stored.rules) };
}

async function matrixAnswer(q: Queryable): Promise<ResponsibilityMatrix> {
  const current = await matrixInForce(q);
  const stored = await matrixVersions(q);
  // Newest first: each version is compared with the next one down, the oldest with nothing.
  const rulesOf = stored.map((v) => storedRules.parse(v.rules));
  const versions = stored.map(({ rules: _rules, ...v }, i) => ({ ...v, changes: i + 1 < stored.length ? matrixChanges(rulesOf[i + 1], rulesOf[i]) : null }));
  return {
    current: { ...current, rules: [...current.rules].map((r) => ({ ...r, co: [...r.co] })) as ResponsibilityMatrix['current']['rules'] },
    versions: versions.length ? versions : [{ version: 1, createdBy: 'system', createdAt: current.createdAt, ruleCount: current.rules.length, changes: null }],
  };
}

/** Every signed-in user may read the matrix: the dispatch names its rules. */
export function responsibilityMatrix(deps: Pick<Deps, 'database'>, _user: UserRow): Promise<ResponsibilityMatrix> {
  return matrixAnswer(deps.database);
}

/** Stores the next version (administrators): 409 when another version was stored since `expectedVersion`, 400 naming each problem. */
export async function updateResponsibilityMatrix(deps: Pick<Deps, 'database' | 'now'>, user: UserRow, body: MatrixUpdate): Promise<ResponsibilityMatrix> {
  requireAdmin(user, 'change the responsibility matrix');
  const { result } = await audited(deps, { actor: user.username, action: 'matrix.update', entity: 'responsibility_matrix' }, async (tx) => {
    await lockMatrixWrites(tx);
    const current = await matrixInForce(tx);
    if (body.expectedVersion !== current.version)
      throw conflict(`the matrix is at version ${current.version}, not ${body.expectedVersion}: reload it and edit again`, {
        currentVersion: current.version,
        issues: [{ path: 'expectedVersion', message: `the matrix is at version ${current.version}` }],
      });
    const problems = matrixProblems(body.rules, new Set((await departmentNames(tx)).keys()));
    if (problems.length)
      throw new ServiceError('validation_failed', `the matrix has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { issues: problems });
    const version = current.version + 1;
    await insertMatrixVersion(tx, { version, rules: body.rules, createdBy: user.username, createdAt: deps.now() });
    return { entityId: String(version), before: { version: current.version, rules: current.rules }, after: { version, rules: body.rules }, result: await matrixAnswer(tx) };
  });
  return result;
}
