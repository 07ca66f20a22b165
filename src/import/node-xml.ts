// The XML parser for Node (CLI, tests): @xmldom/xmldom, with its console logging replaced by an
// exception on errors, so broken KML becomes one clean message. Not imported by the browser code
// (which passes `new DOMParser()`); kept here so the CLI and the tests share it.
import { DOMParser } from '@xmldom/xmldom';
import type { XmlParser } from './types.ts';

export function nodeXmlParser(): XmlParser {
  return {
    parseFromString(text: string, mimeType: string): unknown {
      const parser = new DOMParser({
        onError: (level, message) => {
          // Warnings (e.g. an unknown entity) do not stop parsing; errors and fatal errors do.
          if (level !== 'warning') throw new Error(String(message).split('\n')[0]);
        },
      });
      return parser.parseFromString(text, mimeType === 'text/xml' ? 'text/xml' : 'application/xml');
    },
  };
}
