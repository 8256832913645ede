import { Section } from "./cap";
import { codeBlock, fenceFor, plainText } from "./markdown";

/** Renders the kept lines with the count of lines it cut (0: nothing cut). */
type Render = (kept: string, cut: number) => string;

/** The note a shortened block carries, so the reader knows where the rest is. */
export function cutNote(cut: number): string {
    return cut > 0
        ? `_${cut} line(s) cut to keep the comment under GitHub's size limit; the run's log has all of them._\n\n`
        : "";
}

/**
 * `render` of as many whole lines of `text` as fit in `max` characters: the last ones (a log,
 * whose end says how it ended) or the first ones (errors, the first is usually the cause).
 */
export function keepLines(text: string, max: number, keep: "head" | "tail", render: Render): string {
    const lines = text.split("\n");
    const budget = max - render("", lines.length).length;
    if (budget <= 0) return "";
    const ordered = keep === "tail" ? [...lines].reverse() : lines;
    const kept: string[] = [];
    let used = 0;
    for (const line of ordered) {
        if (used + line.length + 1 > budget) break;
        kept.push(line);
        used += line.length + 1;
    }
    if (kept.length === 0) {
        const only = ordered[0];
        kept.push(keep === "tail" ? only.slice(only.length - budget + 1) : only.slice(0, budget - 1));
    }
    const inOrder = keep === "tail" ? kept.reverse() : kept;
    return render(inOrder.join("\n"), lines.length - inOrder.length);
}

/** Output shown verbatim in a collapsible block (open or not); shrinks by whole lines. */
export function outputSection(
    summary: string,
    output: string,
    options: { open: boolean; keep: "head" | "tail"; shrinkOrder: number },
): Section {
    const text = plainText(output).replace(/\n+$/, "") || "(no output)";
    const fence = fenceFor(text);
    const render: Render = (kept, cut) =>
        `<details${options.open ? " open" : ""}><summary>${summary}</summary>\n\n${cutNote(cut)}${codeBlock(kept, fence)}\n\n</details>`;
    return {
        text: render(text, 0),
        shrinkOrder: options.shrinkOrder,
        shrink: (max) => keepLines(text, max, options.keep, render),
    };
}

/** Markdown shown as it is (the plan); too large, it gives way to a note pointing at the log. */
export function markdownSection(markdown: string, tooLargeNote: string, shrinkOrder: number): Section {
    return { text: markdown, shrinkOrder, shrink: (max) => (tooLargeNote.length <= max ? tooLargeNote : "") };
}
