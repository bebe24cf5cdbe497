// The outputs of a campaign: the dispatch sheet (派单) of a team-shift and the 一公开 notice of a draw — their input
// types and checks, and the route map's layout shared by the PDF and the browser. Pure: data in, layout out.
export * from './schema.js';
export * from './validate.js';
export * from './route-map.js';
export * from './format.js';
export * from './legal-basis.js';
export * from './from-plan.js';
