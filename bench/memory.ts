// Peak resident memory and heap of this process while something runs, sampled on a timer (and
// whenever the caller samples), from the figures at start.
export function memoryPeaks(everyMs: number) {
  const start = process.memoryUsage();
  const peak = { rss: start.rss, heapUsed: start.heapUsed };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const timer = setInterval(sample, everyMs);
  return {
    start,
    peak,
    sample,
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}
