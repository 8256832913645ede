/** A fenced code block of a markdown document, as CommonMark reads it. */
export interface FencedBlock {
    readonly fence: string;
    readonly info: string;
    readonly start: number;
    /** The line of the closing fence; -1 when the block runs to the end (never closed). */
    readonly end: number;
    readonly lines: readonly string[];
}

const OPENING = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})\s*$/;

/** Every fenced block of `markdown` (CommonMark: closed by the same character, at least as long). */
export function fencedBlocks(markdown: string): FencedBlock[] {
    const lines = markdown.split("\n");
    const blocks: FencedBlock[] = [];
    let open: { fence: string; info: string; start: number } | undefined;
    lines.forEach((line, i) => {
        if (!open) {
            const m = OPENING.exec(line);
            if (m) open = { fence: m[1], info: m[2].trim(), start: i };
            return;
        }
        const m = CLOSING.exec(line);
        if (m && m[1][0] === open.fence[0] && m[1].length >= open.fence.length) {
            blocks.push({ ...open, end: i, lines: lines.slice(open.start + 1, i) });
            open = undefined;
        }
    });
    if (open) blocks.push({ ...open, end: -1, lines: lines.slice(open.start + 1) });
    return blocks;
}
