/** The column every `--help` wraps at: each `aurora-global` command, `watch` and `npm run offline`. */
export const HELP_WIDTH = 100;
