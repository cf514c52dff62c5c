/**
 * The public API report: every declaration users can import from each entry point (`loginradius-client`,
 * `loginradius-client/node`, `loginradius-client/testing`), written by API Extractor from the published
 * `.d.ts` files into `etc/*.api.md`, so any change to what users import shows up as a reviewable diff.
 *
 * `npm run api-report` rewrites the reports; `npm run api-report:check` (part of `npm test`) fails when the
 * public API differs from the committed reports, or when an exported signature uses a type that is not
 * exported itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from '@microsoft/api-extractor';

const ROOT = join(__dirname, '..');
const ENTRIES = [
  { dts: 'index.d.ts', report: 'loginradius-client.api.md' },
  { dts: 'node/index.d.ts', report: 'loginradius-client-node.api.md' },
  { dts: 'testing/index.d.ts', report: 'loginradius-client-testing.api.md' },
] as const;

function main(): void {
  const check = process.argv.includes('--check');
  const scratch = mkdtempSync(join(tmpdir(), 'lr-api-report-'));
  try {
    const dist = join(scratch, 'dist');
    // The declarations exactly as published: the same tsup build, declarations only.
    execFileSync(process.execPath, [require.resolve('tsup/dist/cli-default.js'), '--dts-only', '--out-dir', dist, '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const failures = ENTRIES.flatMap((entry) => report(join(dist, entry.dts), entry.report, join(scratch, 'temp'), check));
    if (failures.length) {
      console.error(failures.join('\n'));
      process.exitCode = 1;
    } else {
      console.log(check ? `The public API matches etc/ (${ENTRIES.length} reports).` : `Wrote ${ENTRIES.length} reports to etc/.`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs API Extractor on one entry point; returns what went wrong. */
function report(entryPoint: string, reportFileName: string, tempFolder: string, check: boolean): string[] {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: entryPoint,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2022',
            module: 'esnext',
            moduleResolution: 'bundler',
            lib: ['es2022', 'dom'],
            types: ['node'],
            skipLibCheck: true,
          },
        },
      },
      apiReport: { enabled: true, reportFileName, reportFolder: join(ROOT, 'etc'), reportTempFolder: tempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          // Every type that appears in an exported signature must be exported too.
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.Error, addToApiReportFile: false },
          // Release tags (@public, @beta) are not used: everything exported is public.
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          // Self-explanatory fields (`status`, `headers`) and symbol keys carry no doc comment on purpose.
          'ae-undocumented': { logLevel: ExtractorLogLevel.None },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(ROOT, 'package.json'),
  });
  const problems: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: !check,
    messageCallback: (message: ExtractorMessage) => {
      // `console-*` messages say a report was written or differs: the check below reports that in its own words.
      const isReportNotice = message.messageId.startsWith('console-');
      if (!isReportNotice && (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning))
        problems.push(`${reportFileName}: ${message.messageId}: ${message.text}`);
      message.handled = true;
    },
  });
  if (check && result.apiReportChanged)
    problems.push(
      `etc/${reportFileName} is out of date: the public API changed. Review the change, then run \`npm run api-report\` and commit etc/.`,
    );
  return problems;
}

main();
