/** GitHub refuses an issue or pull-request comment body over this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** The one cap on the whole comment body: under GitHub's limit with room to spare. */
export const BODY_CAP = 65_000;

/** A part of the body; one that can be shortened renders itself again in at most `max` characters. */
export interface Section {
    readonly text: string;
    /** Lower shrinks first (the preview log before the errors before the plan); none never shrinks. */
    readonly shrinkOrder?: number;
    readonly shrink?: (max: number) => string;
}

const JOIN = "\n\n";

function total(texts: readonly string[]): number {
    return texts.join(JOIN).length;
}

/**
 * Joins the sections under `cap`: shrinks the shrinkable ones, lowest order first, each by no more
 * than the excess; if the fixed parts alone pass the cap, cuts the end with a note.
 */
export function fitToCap(sections: readonly Section[], cap: number = BODY_CAP): string {
    const texts = sections.map((s) => s.text);
    const order = sections
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.shrink !== undefined)
        .sort((a, b) => (a.s.shrinkOrder ?? 0) - (b.s.shrinkOrder ?? 0));
    for (const { s, i } of order) {
        const excess = total(texts) - cap;
        if (excess <= 0) break;
        texts[i] = s.shrink!(Math.max(0, texts[i].length - excess));
    }
    const body = texts.join(JOIN);
    if (body.length <= cap) return body;
    const note = "\n\n_(cut here: the comment reached GitHub's size limit; the run's log has the rest)_";
    return body.slice(0, cap - note.length) + note;
}
