// Worker threads start here: the solver is TypeScript, and a worker thread does not inherit the tsx loader that
// runs the server (nor the test runner's transform), so it registers tsx itself before importing the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
