import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Times R spdep on the same points and values: dnearneigh + include.self + nb2listw (weights) and
// localG (statistic), each the median of several runs, and returns its z-scores for comparison.
const R_SCRIPT = `
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
dist <- as.numeric(args[2]); reps <- as.integer(args[3])
xy <- cbind(d$x, d$y)
med <- function(f, reps) { t <- sapply(seq_len(reps), function(i) system.time(f())[["elapsed"]]); median(t) * 1000 }
nb <- NULL; lw <- NULL
t_nb <- med(function() nb <<- dnearneigh(xy, 0, dist), reps)
t_lw <- med(function() lw <<- nb2listw(include.self(nb), style = "B"), reps)
z <- NULL
t_g <- med(function() z <<- as.numeric(localG(d$value, lw)), reps)
writeLines(sprintf("%.17g", z), args[4])
cat(sprintf('{"dnearneighMs":%.3f,"includeSelfNb2listwMs":%.3f,"localGMs":%.3f,"kdTree":%s,"spdep":"%s","R":"%s"}',
  t_nb, t_lw, t_g, tolower(as.character(requireNamespace("dbscan", quietly = TRUE))), packageVersion("spdep"), getRversion()))
`;

export type SpdepTiming =
  | { skipped: string }
  | {
      dnearneighMs: number;
      includeSelfNb2listwMs: number;
      localGMs: number;
      kdTree: boolean;
      spdep: string;
      R: string;
      z: Float64Array;
    };

export function timeSpdep(xy: Float64Array, values: Float64Array, distance: number, reps: number): SpdepTiming {
  const probe = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'Rscript not found on PATH' };
  const dir = mkdtempSync(join(tmpdir(), 'hotspots-bench-'));
  try {
    const lines = ['x,y,value'];
    for (let i = 0; i < values.length; i++) lines.push(`${xy[2 * i]},${xy[2 * i + 1]},${values[i]}`);
    writeFileSync(join(dir, 'data.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'bench.R'), R_SCRIPT);
    const run = spawnSync('Rscript', [join(dir, 'bench.R'), join(dir, 'data.csv'), String(distance), String(reps), join(dir, 'z.txt')], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) return { skipped: `Rscript failed: ${(run.stderr || '').trim().split('\n').pop()}` };
    const timing = JSON.parse(run.stdout.trim().split('\n').pop()!) as Omit<Exclude<SpdepTiming, { skipped: string }>, 'z'>;
    const z = Float64Array.from(readFileSync(join(dir, 'z.txt'), 'utf8').trim().split('\n').map(Number));
    return { ...timing, z };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
