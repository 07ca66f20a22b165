import { For, Show } from 'solid-js';
import type { Problem } from '../validation/types';
import { problemLine } from '../import/format-messages';
import { lang } from '../i18n';

/** Problems listed at most: the summary gives the full count, and a long list helps nobody. */
const SHOWN = 50;

/** The checker's problems of one file (errors, or warnings), each in the UI language with file, feature number and id. */
export function ProblemList(props: {
  fileName: string;
  problems: readonly Problem[];
  summary: string;
  testId: string;
  warnings?: boolean;
}) {
  return (
    <Show when={props.problems.length > 0}>
      <details class={props.warnings === true ? 'problems warnings' : 'problems'} open={props.warnings !== true}>
        <summary>{props.summary}</summary>
        <ul data-testid={props.testId}>
          <For each={props.problems.slice(0, SHOWN)}>{(p) => <li>{problemLine(props.fileName, p, lang())}</li>}</For>
        </ul>
      </details>
    </Show>
  );
}
