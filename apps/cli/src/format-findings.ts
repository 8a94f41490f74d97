import { findingLocations, type Finding, type TFindingLocation } from '@budgetflow/domain';
import type { CliIo } from './cli-io';
import { EXIT, type ExitCode } from './exit-codes';

/** Where a finding points, in a few words: "T5 row func:2010350 column total", "line L12 amount". */
export function describeLocation(location: TFindingLocation): string {
  switch (location.kind) {
    case 'table':
      return [location.table, location.row && `row ${location.row}`, location.column && `column ${location.column}`].filter(Boolean).join(' ');
    case 'line':
      return [`line ${location.lineId}`, location.field].filter(Boolean).join(' ');
    case 'project':
      return [
        `project ${location.projectId}`,
        location.part && (location.index === undefined ? location.part : `${location.part}[${location.index}]`),
        location.field,
      ]
        .filter(Boolean)
        .join(' ');
    case 'text':
      return `text ${location.section}`;
    case 'document':
      return location.path;
  }
}

/** One line per finding, errors first, then a count: readable in a terminal and by grep. */
export function formatFindings(findings: readonly Finding[]): string {
  const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const lines = ordered.map((f) => {
    const evidence = f.expected !== undefined || f.actual !== undefined ? ` [expected ${f.expected ?? '-'}, actual ${f.actual ?? '-'}]` : '';
    // A finding that is one problem at several places names each of them.
    const where = findingLocations(f).map(describeLocation).join(', ');
    return `${f.severity.padEnd(7)} ${f.ruleId}  ${where}: ${f.message.zh} / ${f.message.en}${evidence}`;
  });
  return [...lines, summaryOf(findings)].join('\n') + '\n';
}

export function summaryOf(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} error(s), ${warnings} warning(s)`;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Prints findings (as text, or as JSON for scripts) and answers the exit code: 1 when one is an error. */
export function reportFindings(io: CliIo, findings: readonly Finding[], asJson: boolean): ExitCode {
  io.stdout(asJson ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings));
  return hasErrors(findings) ? EXIT.findings : EXIT.ok;
}
