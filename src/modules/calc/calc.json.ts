import type { Step } from '../../domain/law/index.ts';
import { latin1Bytes, quoted, write } from '../../server/json-bytes.ts';

/**
 * A calculation's answer as UTF-8 JSON bytes, the same bytes as JSON.stringify gives. Its steps are
 * most of it, and each label is a fixed sentence: `{"label":"…","value":` is kept per label, so a
 * step costs one lookup and its value. Measured in bench/calc-http: serialising was the largest part
 * of the route's own time.
 */
export function calcAnswerBytes(result: object): Buffer {
  let out = '{';
  for (const key of Object.keys(result)) {
    const value = (result as Record<string, unknown>)[key];
    const json = key === 'steps' && Array.isArray(value) ? stepsJson(value as Step[]) : write(value);
    if (json === undefined) continue;
    out += out.length > 1 ? `,${quoted(key)}:` : `${quoted(key)}:`;
    out += json;
  }
  return latin1Bytes(`${out}}`);
}

const MAX_LABELS = 2048;
const stepOpenings = new Map<string, string>();

function stepsJson(steps: readonly Step[]): string {
  let out = '[';
  for (let i = 0; i < steps.length; i++) {
    const { label, value } = steps[i]!;
    let opening = stepOpenings.get(label);
    if (opening === undefined) {
      opening = `{"label":${quoted(label)},"value":`;
      if (stepOpenings.size >= MAX_LABELS) stepOpenings.clear();
      stepOpenings.set(label, opening);
    }
    if (i > 0) out += ',';
    out += opening;
    out += write(value) ?? 'null';
    out += '}';
  }
  return `${out}]`;
}
