// What the learner is told when their progress cannot be read or saved: one sentence
// each, saying what is wrong, where, and what to do. File system error codes never
// reach the learner as they are; they are turned into words here.

import { UserError } from './userError';

/** A node:fs error code in words, for the bracket in a sentence. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EIO':
      return 'the disk reported an error';
    case 'EISDIR':
      return 'a folder is in the way';
    case 'ENOENT':
      return 'the folder does not exist';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** Why the progress file cannot be used, each as the sentence the learner sees at start-up. */
export const startProblem = {
  folderInPlace: (file: string) =>
    `Your progress cannot be read or saved, because ${file} is a folder, not a file; move that folder somewhere else, then restart Health Creation Studio.`,
  unreadable: (file: string, error: unknown) =>
    `Your progress file ${file} cannot be opened (${describeFsError(error)}), so nothing will be saved until it can, rather than write over it; ask whoever looks after this computer to give you access to it, then restart Health Creation Studio.`,
  readOnlyFolder: (dir: string) =>
    `The folder that holds your progress (${dir}) is read-only, so what you do now will not be saved; ask whoever looks after this computer to let you save there, then restart Health Creation Studio.`,
  folderNotMade: (dir: string, error: unknown) =>
    `The folder for your progress (${dir}) could not be created (${describeFsError(error)}), so what you do now will not be saved; check that the folder can be made, then restart Health Creation Studio.`,
  newer: (found: number, reads: number) =>
    `Your progress was saved by a newer version of Health Creation Studio (file version ${found}; this version reads up to ${reads}), so it is shown but nothing you do now will be saved; update Health Creation Studio to carry on where you left off.`,
  notKeptAside: (file: string, problem: string, error: unknown) =>
    `Your progress file ${file} could not be read (${problem}) and could not be kept aside (${describeFsError(error)}), so nothing will be saved, rather than write over it; ask whoever looks after this computer to let you save in its folder, then restart Health Creation Studio.`,
};

/** The error a change that failed to reach the disk rejects with; nothing of the change was kept. */
export function notSavedError(error: unknown, dir: string): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError('not-saved', `There is no space left on the disk that holds your progress (${dir}), so this change was not saved; free some space, then try again.`);
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new UserError(
      'not-saved',
      `The folder that holds your progress (${dir}) is read-only, so this change was not saved; ask whoever looks after this computer to let you save there, then try again.`,
    );
  }
  return new UserError('not-saved', `Your change was not saved, because writing to ${dir} failed (${describeFsError(error)}); check that the disk is connected and working, then try again.`);
}
