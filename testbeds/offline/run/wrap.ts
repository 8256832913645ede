// Line wrapping of the offline run's output: no imports, so `--help` and `--list` load nothing else.

/** Wraps prose at about 100 columns with an indent. */
export function wrap(text: string, indent = "  ", width = 100): string[] {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && indent.length + line.length + 1 + word.length > width) {
            lines.push(indent + line);
            line = word;
        } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line);
    return lines;
}

/** The widest line the offline run prints where it is prose (graph lines and markdown tables are kept whole). */
export const OUTPUT_WIDTH = 120;

/**
 * One printed line as lines of at most {@link OUTPUT_WIDTH} characters, broken between words.
 * Continuation lines hang under the line's text: after a progress line's stamp and `│ `, else
 * four columns past its indent. Resource-graph lines (`├─`, `└─`), markdown tables and code are
 * structure, not prose: they are kept whole, as is a single word longer than the width.
 */
export function wrapLine(line: string, width = OUTPUT_WIDTH): string[] {
    if (line.length <= width || /[├└]─|^\s*(\||```)/.test(line)) return [line];
    const bar = line.indexOf(" │ ");
    const indent = line.length - line.trimStart().length;
    const hang = " ".repeat(bar >= 0 && bar < width / 2 ? bar + 3 : Math.min(indent + 4, width / 2));
    const lines: string[] = [];
    let current = line.slice(0, indent);
    let words = 0;
    for (const word of line.slice(indent).split(" ")) {
        const next = words === 0 ? current + word : `${current} ${word}`;
        if (next.length > width && words > 0) {
            lines.push(current);
            current = hang + word;
        } else current = next;
        words += 1;
    }
    lines.push(current);
    return lines;
}
