// "Did you mean" for a file or folder that is not there: the closest name beside it,
// so `01-intor.md` not found says `01-intro.md` is in the folder. Looked up only when
// something is missing, so a clean pack never pays for it.

import { didYouMean } from './didYouMean';
import type { PackReader } from './packReader';
import { folderOf } from './packPath';

/** The existing pack path most like `path` in the same folder, if one is close enough to be a likely typo. */
export async function nearbyPath(reader: PackReader, path: string, kind: 'file' | 'dir'): Promise<string | undefined> {
  const folder = folderOf(path);
  const name = path.slice(folder === '' ? 0 : folder.length + 1);
  const names = await reader.list(folder).catch(() => [] as string[]);
  const guess = didYouMean(name, names.filter((n) => n !== name));
  if (guess === undefined) return undefined;
  const found = folder === '' ? guess : `${folder}/${guess}`;
  const entry = await reader.stat(found).catch(() => undefined);
  return entry?.kind === kind ? found : undefined;
}

/** `did you mean \`x\`? ` for a written name whose file is missing, with `x` written the same way (relative to the same folder). */
export async function didYouMeanFile(reader: PackReader, written: string, resolved: string, kind: 'file' | 'dir'): Promise<string> {
  const near = await nearbyPath(reader, resolved, kind);
  if (near === undefined) return '';
  const writtenFolder = written.includes('/') ? written.slice(0, written.lastIndexOf('/') + 1) : '';
  return `did you mean \`${writtenFolder}${near.slice(near.lastIndexOf('/') + 1)}\`? `;
}
