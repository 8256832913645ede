/**
 * Keeping passwords out of output: URLs are printed only through `redactUrl`, and any error text
 * that could echo a URL goes through `redactSecrets`.
 */

const PASSWORD_PARAM = /([?&](?:password|passwd|pwd|sslpassword)=)[^&#]*/gi;

/**
 * Where the password of a connection string sits, whatever its form: `scheme://user:pw@host`,
 * `scheme:user:pw@host` (no `//`), `user:pw@host`, `scheme:user:pw` (no host). The userinfo ends
 * at the last `@` and the password starts after its first `:`; without `//` a userinfo with no
 * `:` may itself be the password (`postgres:pw@host`), so it is hidden whole. Over-redacting is
 * safe; printing a password is not.
 */
function secretSpan(url: string): { start: number; end: number } | null {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/)?/.exec(url);
    const from = scheme ? scheme[0].length : 0;
    const slashes = scheme?.[1] !== undefined;
    const at = url.lastIndexOf("@");
    const end = at >= from ? at : slashes ? -1 : url.search(/[/?#]/) >= from ? url.search(/[/?#]/) : url.length;
    if (end < 0 || end <= from) return null;
    const colon = url.indexOf(":", from);
    if (colon >= 0 && colon < end) return colon + 1 < end ? { start: colon + 1, end } : null;
    return slashes || at < from ? null : { start: from, end };
}

/**
 * The URL with its password (see {@link secretSpan}, and any `password=` query parameter)
 * replaced by `***`. Works on URLs that do not parse, too.
 */
export function redactUrl(url: string): string {
    const span = secretSpan(url);
    const hidden = span ? `${url.slice(0, span.start)}***${url.slice(span.end)}` : url;
    return hidden.replace(PASSWORD_PARAM, "$1***");
}

/** The secret strings inside a URL: the raw and the percent-decoded password(s). */
export function urlSecrets(url: string): string[] {
    const secrets: string[] = [];
    const span = secretSpan(url);
    if (span) secrets.push(url.slice(span.start, span.end));
    for (const match of url.matchAll(PASSWORD_PARAM)) secrets.push(match[0].slice(match[1].length));
    const decoded = secrets.map((s) => {
        try {
            return decodeURIComponent(s);
        } catch {
            return s;
        }
    });
    return [...new Set([...secrets, ...decoded])].filter((s) => s.length > 0);
}

/** `text` with every URL replaced by its redacted form and every password by `***`. */
export function redactSecrets(text: string, urls: readonly string[]): string {
    let out = text;
    for (const url of urls) {
        if (url.length > 0) out = out.split(url).join(redactUrl(url));
        for (const secret of urlSecrets(url).sort((a, b) => b.length - a.length)) out = out.split(secret).join("***");
    }
    return out;
}
