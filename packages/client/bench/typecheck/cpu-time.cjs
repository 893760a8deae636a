// Preloaded into tsc by run.mjs: reports the CPU time the process used (user + system), which a
// busy machine inflates far less than the wall-clock times tsc reports.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`CPU time: ${((user + system) / 1e6).toFixed(3)}s\n`);
});
