/** One progress line on stderr: redrawn in place on a terminal, every quarter otherwise (logs, pipes). */
export function progressBar(label: string) {
  let lastQuarter = -1;
  return (fraction: number) => {
    const clamped = Math.max(0, Math.min(1, fraction));
    const width = 30;
    const filled = Math.round(clamped * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(clamped * 100)}%`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${clamped === 1 ? '\n' : ''}`);
    else if (Math.floor(clamped * 4) > lastQuarter) {
      lastQuarter = Math.floor(clamped * 4);
      process.stderr.write(`${line}\n`);
    }
  };
}
