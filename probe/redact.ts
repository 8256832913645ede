/**
 * Keeping passwords out of output: URLs are printed only through `redactUrl`, and any error text
 * that could echo a URL goes through `redactSecrets`.
 */

const PASSWORD_PARAM = /([?&](?:password|passwd|pwd|sslpassword)=)[^&#]*/gi;

/** Splits `scheme://userinfo@rest`; the userinfo ends at the last `@` (over-redacting is safe). */
function splitAuthority(url: string): { prefix: string; userinfo: string | null; rest: string } | null {
    const schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) return null;
    const prefix = url.slice(0, schemeEnd + 3);
    const afterScheme = url.slice(schemeEnd + 3);
    const at = afterScheme.lastIndexOf("@");
    if (at < 0) return { prefix, userinfo: null, rest: afterScheme };
    return { prefix, userinfo: afterScheme.slice(0, at), rest: afterScheme.slice(at + 1) };
}

/**
 * The URL with its password (userinfo after the first `:`, and any `password=` query parameter)
 * replaced by `***`. Works on URLs that do not parse, too.
 */
export function redactUrl(url: string): string {
    const parts = splitAuthority(url);
    if (!parts) return url.replace(PASSWORD_PARAM, "$1***");
    let userinfo = "";
    if (parts.userinfo !== null) {
        const colon = parts.userinfo.indexOf(":");
        userinfo = (colon < 0 ? parts.userinfo : `${parts.userinfo.slice(0, colon)}:***`) + "@";
    }
    return `${parts.prefix}${userinfo}${parts.rest.replace(PASSWORD_PARAM, "$1***")}`;
}

/** The secret strings inside a URL: the raw and the percent-decoded password(s). */
export function urlSecrets(url: string): string[] {
    const secrets: string[] = [];
    const parts = splitAuthority(url);
    const colon = parts?.userinfo?.indexOf(":") ?? -1;
    if (parts?.userinfo && colon >= 0) secrets.push(parts.userinfo.slice(colon + 1));
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
