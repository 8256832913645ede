/** Pulumi's colour directives (`<{%reset%}>`, `<{%fg 1%}>`) and ANSI escape sequences. */
const COLOR_DIRECTIVE = /<\{%[^%]*%\}>/g;
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without colour codes (`--color never` still leaves directives in event-log messages). */
export function plainText(text: string): string {
    return text.replace(COLOR_DIRECTIVE, "").replace(ANSI_ESCAPE, "").replace(/\r\n?/g, "\n");
}

/**
 * A backtick fence no line of `content` can close: longer than its longest run of backticks, and
 * at least three (CommonMark: a closing fence is at least as long as the opening one).
 */
export function fenceFor(content: string): string {
    const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
    return "`".repeat(Math.max(3, longest + 1));
}

/** `content` as a code block GitHub shows verbatim (no HTML, no markdown, no mermaid inside). */
export function codeBlock(content: string, fence: string = fenceFor(content)): string {
    return `${fence}text\n${content.replace(/\n+$/, "")}\n${fence}`;
}

/** Text for one table cell: one line, no column break, no HTML. */
export function tableCell(text: string): string {
    return plainText(text)
        .trim()
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\|/g, "\\|")
        .replace(/\n+/g, "<br>");
}

/** Inline code that `text`'s own backticks cannot end. */
export function inlineCode(text: string): string {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = "`".repeat(longest + 1);
    return longest > 0 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}
