// Runs Prism as a child and stops it when our parent goes away (its end of our stdin closes), so a killed
// test run or demo never leaves an orphaned mock server behind.
const { spawn } = require('node:child_process');

const child = spawn(process.execPath, process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => child.kill('SIGTERM');
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
