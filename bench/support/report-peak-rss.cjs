// Preloaded (node --require) into a timed child process: reports its peak resident memory on exit, as a
// last stderr line the benchmark parses. Covers only this process, not processes it starts.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
