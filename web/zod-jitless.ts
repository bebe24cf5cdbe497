import { config } from 'zod';

// The contract's schemas also check answers in the page, whose Content-Security-Policy forbids eval. zod decides at
// each schema's construction whether to compile its parser with Function, probing for eval first: this module is
// imported before any schema is built, so it never probes.
config({ jitless: true });
