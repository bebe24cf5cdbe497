// The value lists of the API are the domain's (server/domain/vocabulary.ts), which the database enums use too.
export * from '../domain/vocabulary.js';
