// Names of the files the app writes for a learner (a record, a deleted learner's copy)
// carry the learner's name, which may hold any character; these turn it into a part
// of a name every system accepts. Each name gets a fixed prefix, so none is ever a
// name Windows keeps for a device (con, nul...).

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** Text as a part of a file name every system accepts: unsafe characters and runs of spaces become `space`, at most `max` characters. */
export function fileNamePart(text: string, max: number, space = ' '): string {
  const part = text
    .normalize('NFC')
    .replace(UNSAFE_IN_NAMES, ' ')
    .replace(/\s+/g, space)
    .replace(/-{2,}/g, '-')
    .replace(/^[-. ]+|[-. ]+$/g, '')
    .slice(0, max)
    .replace(/[-. ]+$/, '');
  return part;
}
