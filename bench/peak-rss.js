// Preloaded into a process the benchmark times (`node -r bench/peak-rss.js …`): reports its peak
// resident memory on stderr as it exits, the figure `ps` cannot give once the process is gone.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
