// The import's message catalog: the UI's messages plus the import's own refusals, warnings and the
// checker's per-feature problems (issue 13). Apart from messages.ts because only the import core
// (the worker, the CLIs) and the import panel render them: the first page load does not carry them.
import { messages } from './messages';
import { hostileMessages } from './hostile-messages';
import { problemMessages } from './problem-messages';

export const importCatalog = { ...messages, ...hostileMessages, ...problemMessages };
export type ImportMessageKey = keyof typeof importCatalog;
