import { Fragment } from 'react';

const DATE = /(\d{2}-\d{2}-\d{4})/;
const HYPHENATED = /(\S*-\S*)/;

function keep(text: string, pattern: RegExp) {
  return text.split(pattern).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="tc-nowrap">
        {part}
      </span>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/** A sentence with dates in it (from a translation): each `28-11-2026` stays on one line. */
export function WithDates({ text }: { text: string }) {
  return <>{keep(text, DATE)}</>;
}

/** A name or title: a word with a hyphen ("Rivierenland-Oost") is never broken at its hyphen. */
export function Name({ text }: { text: string }) {
  return <>{keep(text, HYPHENATED)}</>;
}
