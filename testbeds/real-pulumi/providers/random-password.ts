import { randomInt } from "node:crypto";
import { ResourceHandler } from "./resource-handler";

type In = Record<string, unknown>;

/**
 * random:index/randomPassword:RandomPassword as terraform-provider-random's resource_password.go
 * generates it: `length` characters from the enabled classes (upper, lower, numeric, and
 * `overrideSpecial` or the default specials when `special`), with the min* counts honoured. The
 * engine keeps `result` secret (the SDK's additionalSecretOutputs). Read returns the state.
 */
export const randomPassword: ResourceHandler = {
    async create(i) {
        const result = generate(i);
        return { id: "none", outs: { ...i, result, bcryptHash: "" } };
    },
    read: async (_id, state) => state,
    update: async (_id, olds, news) => ({ ...olds, ...news }),
    delete: async () => undefined,
};

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const NUMERIC = "0123456789";
/** terraform-provider-random's default special characters. */
const SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

function generate(i: In): string {
    const on = (k: string) => i[k] !== false;
    const special = typeof i.overrideSpecial === "string" && i.overrideSpecial ? i.overrideSpecial : SPECIAL;
    const classes: [string, number][] = [
        [UPPER, on("upper") ? Number(i.minUpper ?? 0) : -1],
        [LOWER, on("lower") ? Number(i.minLower ?? 0) : -1],
        [NUMERIC, on("numeric") && on("number") ? Number(i.minNumeric ?? 0) : -1],
        [special, on("special") ? Number(i.minSpecial ?? 0) : -1],
    ];
    const enabled = classes.filter(([, min]) => min >= 0);
    const chars: string[] = enabled.flatMap(([set, min]) => Array.from({ length: min }, () => pick(set)));
    const all = enabled.map(([set]) => set).join("");
    while (chars.length < Number(i.length ?? 16)) chars.push(pick(all));
    for (let n = chars.length - 1; n > 0; n--) {
        const k = randomInt(n + 1);
        [chars[n], chars[k]] = [chars[k]!, chars[n]!];
    }
    return chars.join("");
}

const pick = (set: string) => set[randomInt(set.length)]!;
