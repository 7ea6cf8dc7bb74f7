// Preloaded (`node --import`) into a process the bench times as a whole: when it ends, its peak
// RSS (all threads) goes to stderr as one JSON line the bench picks out. Nothing else changes.
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ benchMaxRssKb: process.resourceUsage().maxRSS })}\n`);
});
