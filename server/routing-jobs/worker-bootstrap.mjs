// Worker threads start here: TypeScript sources need the tsx loader, which a worker inherits when the process was
// started by tsx and registers here otherwise (e.g. under the test runner).
import { workerData } from 'node:worker_threads';

if (!process.execArgv.some((arg) => arg.includes('tsx'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
