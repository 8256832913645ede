import * as path from "node:path";

/** An edge of the import graph: repository-relative paths, without extension. */
export interface Edge {
    readonly file: string;
    readonly target: string;
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

/** Where a specifier points, relative to the repository root; undefined for packages. */
function resolveSpecifier(file: string, specifier: string): string | undefined {
    if (specifier.startsWith("aurora-global/")) return specifier.slice("aurora-global/".length);
    if (!specifier.startsWith(".")) return undefined;
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

/** Every import of `text` (static, type-only, dynamic and `require`) that points into the repository. */
export function edgesOf(file: string, text: string): Edge[] {
    return [...text.matchAll(SPECIFIER)].flatMap((m) => {
        const target = resolveSpecifier(file, m[1]);
        return target === undefined ? [] : [{ file, target }];
    });
}

/** A directed graph: each node and the nodes it points to. */
export type Graph = ReadonlyMap<string, ReadonlySet<string>>;

/** The file graph: each edge's target resolved to the file it loads (`x` → the file x with .ts or .js, or the index file of folder x). */
export function fileGraph(files: readonly string[], edges: readonly Edge[]): Graph {
    const known = new Set(files);
    const fileOf = (t: string) => [t, `${t}.ts`, `${t}.js`, `${t}/index.ts`, `${t}/index.js`].find((c) => known.has(c));
    const graph = new Map<string, Set<string>>(files.map((f) => [f, new Set<string>()]));
    for (const e of edges) {
        const target = fileOf(e.target);
        if (target !== undefined && target !== e.file) graph.get(e.file)?.add(target);
    }
    return graph;
}

/**
 * The folder graph, level by level: an import from folder A to folder B links the two subfolders
 * of their deepest common folder that hold them (`orchestrator/blue-green/run.ts` →
 * `orchestrator/execute/context.ts` links `orchestrator/blue-green` → `orchestrator/execute`;
 * a file of `testbeds/simulator` importing `aws/ports.ts` links `testbeds` → `aws`). A folder and its own
 * subfolders are one room (a parent composes its subfolders, which use their parent's files): an
 * import between them links nothing.
 */
export function folderGraph(files: Graph): Graph {
    const graph = new Map<string, Set<string>>();
    for (const [file, targets] of files) {
        const from = path.posix.dirname(file).split("/");
        for (const target of targets) {
            const to = path.posix.dirname(target).split("/");
            let common = 0;
            while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
            if (common === from.length || common === to.length) continue;
            const a = from.slice(0, common + 1).join("/");
            const b = to.slice(0, common + 1).join("/");
            if (!graph.has(a)) graph.set(a, new Set());
            graph.get(a)!.add(b);
        }
    }
    return graph;
}

/** Every circle of `graph` (strongly connected set of two or more nodes), each sorted, as `a ⇄ b ⇄ c`. */
export function circles(graph: Graph): string[] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const found: string[] = [];
    const visit = (node: string): void => {
        index.set(node, index.size);
        low.set(node, index.get(node)!);
        stack.push(node);
        onStack.add(node);
        for (const next of graph.get(node) ?? []) {
            if (!index.has(next)) visit(next);
            if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, low.get(next)!));
        }
        if (low.get(node) !== index.get(node)) return;
        const members: string[] = [];
        let member: string;
        do {
            member = stack.pop()!;
            onStack.delete(member);
            members.push(member);
        } while (member !== node);
        if (members.length > 1) found.push(members.sort().join(" ⇄ "));
    };
    for (const node of graph.keys()) if (!index.has(node)) visit(node);
    return found.sort();
}
