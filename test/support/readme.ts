/**
 * Reads the numbers the project's documents state, so the tests that run the cases can check them: a count
 * in the README is then true of the last run, not remembered. The test server serves the repository root.
 */

/** The text under `## <title>` in a markdown file of the repository, up to the next `## ` heading. */
export async function markdownSection(title: string, file = '/README.md'): Promise<string> {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file} answered ${response.status}`);
  const text = await response.text();
  const start = text.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`${file} has no "## ${title}" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
}

/** The number the first capture group of `pattern` finds in `text`; fails when the text states none. */
export function statedNumber(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`the text states no number matching ${pattern}`);
  return Number(match[1]);
}
