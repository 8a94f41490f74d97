import { catalogueForYear } from '../src/catalogue';
import { templateById } from '../src/templates/template-registry';
import { transcribedDisclosure } from '../src/templates/transcribed/transcribed-disclosure';
import type { TDisclosure } from '../src/disclosure/disclosure.schema';
import { readTranscription, SAMPLES, type SampleName } from './sample-budgets';

/** A public sample converted to the disclosure model, as `pnpm budget check` reads it. */
export function sampleDisclosure(name: SampleName): TDisclosure {
  const sample = SAMPLES.find((x) => x.name === name)!;
  const s = readTranscription(name);
  return transcribedDisclosure(s, templateById(sample.template), catalogueForYear(s.year));
}

export function renderSampleDisclosure(name: SampleName): string {
  return `${JSON.stringify(sampleDisclosure(name), null, 2)}\n`;
}
