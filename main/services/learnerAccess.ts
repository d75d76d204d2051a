// Who may see whose work. On a shared lab computer a learner can put their work behind
// a PIN; then nothing of theirs (progress, journal, notes, tabs, their learning record)
// leaves the back end until their PIN has been given in this session: one page load of
// the app. The rule lives here, behind the Studio API, so no page and no script can
// read a protected learner's work by calling the API directly.
//
// A session lets in at most one protected learner: the one whose PIN it was given last.
// Choosing anyone else closes that learner's work again, so a learner who switches away
// and leaves the computer does not leave their journal open to the next person.
//
// Wrong PINs are counted per learner, on disk, so neither reloading nor restarting the
// app resets the count, and tries are checked one at a time. After three wrong PINs in
// a row each further try must wait, 5 seconds and doubling up to 5 minutes.

import type { DeleteConfirmation, DeletedLearner, Learner, PinChange } from '../../engine/api/studioApi';
import { hashPin, isUsablePinHash, verifyPin, type PinCost } from './pinHash';
import { publicLearner, type ProgressStore, type StoredLearner } from './progressStore';
import { UserError } from './userError';

/** What one session (one page load of the app) has been let into. */
export interface LearnerSession {
  /** The PIN-protected learner whose PIN this session was given, if any. */
  unlocked?: string;
}

/** Wrong PINs in a row allowed before each further try must wait. */
export const FREE_TRIES = 3;
/** Longest wait between tries, in seconds. */
export const LONGEST_WAIT_SECONDS = 300;

/** Seconds a learner must wait after `failures` wrong PINs in a row before the next try. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, 5 * 2 ** (failures - FREE_TRIES));
}

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/** The gate every learner-scoped call passes through. */
export class LearnerAccess {
  /** Each learner's PIN checks, chained so two tries never read the same count. */
  readonly #checks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: ProgressStore,
    private readonly now: () => Date,
    private readonly pinCost?: PinCost,
  ) {}

  /** The learner, when this session may see their work; otherwise a sentence asking for their PIN. */
  require(session: LearnerSession, learnerId: string): StoredLearner {
    const learner = this.store.storedLearner(learnerId);
    if (learner.pin !== undefined && session.unlocked !== learnerId) {
      throw new UserError('pin-required', `${learner.name}'s work is protected by a PIN; enter their PIN to open it.`);
    }
    return learner;
  }

  /** Notes that the session now studies as `learnerId`: any other protected learner's work closes again. */
  choose(session: LearnerSession, learnerId: string): void {
    if (session.unlocked !== learnerId) delete session.unlocked;
  }

  /** Checks a learner's PIN and, when it is right, lets this session see their work. */
  async unlock(session: LearnerSession, learnerId: string, pin: string): Promise<Learner> {
    const learner = this.store.storedLearner(learnerId);
    if (learner.pin === undefined) return publicLearner(learner);
    await this.#checkPin(learnerId, pin);
    session.unlocked = learnerId;
    return publicLearner(this.store.storedLearner(learnerId));
  }

  /** Sets, changes or removes a learner's PIN; changing or removing needs the current one. */
  async setPin(session: LearnerSession, learnerId: string, { currentPin, newPin }: PinChange): Promise<Learner> {
    const learner = this.require(session, learnerId);
    if (learner.pin !== undefined) {
      if (currentPin === undefined) {
        throw new UserError('pin-required', `Enter ${learner.name}'s current PIN to ${newPin === undefined ? 'remove' : 'change'} it.`);
      }
      await this.#checkPin(learnerId, currentPin);
    } else if (newPin === undefined) {
      throw new UserError('no-pin', `${learner.name} has no PIN to remove.`);
    }
    if (newPin === undefined) return this.store.setPin(learnerId, undefined);
    const changed = await this.store.setPin(learnerId, await hashPin(newPin, this.pinCost));
    // The learner who set the PIN is the one studying: their work stays open to them.
    session.unlocked = learnerId;
    return changed;
  }

  /**
   * Deletes a learner (their record kept aside). The call must name the learner as they
   * confirmed it, so a stray or mistaken call cannot delete anyone, and a protected
   * learner's PIN is needed even in a session they opened.
   */
  async delete(session: LearnerSession, learnerId: string, { name, pin }: DeleteConfirmation): Promise<DeletedLearner> {
    const learner = this.require(session, learnerId);
    if (name !== learner.name) {
      throw new UserError('not-confirmed', `The learner was not deleted, because the name confirmed ("${name}") is not the name of that profile.`);
    }
    if (learner.pin !== undefined) {
      if (pin === undefined) throw new UserError('pin-required', `Enter ${learner.name}'s PIN to delete their profile.`);
      await this.#checkPin(learnerId, pin);
    }
    const deleted = await this.store.deleteLearner(learnerId);
    if (session.unlocked === learnerId) delete session.unlocked;
    return deleted;
  }

  /** Checks a PIN against the learner's hash, after any other check of theirs, or throws the sentence the learner sees. */
  #checkPin(learnerId: string, pin: string): Promise<void> {
    const previous = this.#checks.get(learnerId) ?? Promise.resolve();
    const check = previous.catch(() => undefined).then(() => this.#checkPinNow(learnerId, pin));
    this.#checks.set(learnerId, check);
    void check.finally(() => {
      if (this.#checks.get(learnerId) === check) this.#checks.delete(learnerId);
    }).catch(() => undefined);
    return check;
  }

  async #checkPinNow(learnerId: string, pin: string): Promise<void> {
    const learner = this.store.storedLearner(learnerId);
    if (!isUsablePinHash(learner.pin)) {
      throw new UserError(
        'pin-damaged',
        `${learner.name}'s PIN cannot be checked, because its entry in ${this.store.file} is damaged, so their work stays closed; whoever looks after this computer can remove that learner's "pin" entry from the file to open it.`,
      );
    }
    const failures = learner.pinFailures;
    if (failures) {
      const readyAt = Date.parse(failures.lastAt) + waitAfter(failures.count) * 1000;
      const left = Math.ceil((readyAt - this.now().getTime()) / 1000);
      if (left > 0) {
        throw new UserError('pin-wait', `Too many wrong PINs have been given for ${learner.name}; wait ${seconds(left)} before trying again.`);
      }
    }
    if (await verifyPin(pin, learner.pin)) {
      await this.store.clearPinFailures(learnerId).catch(() => undefined);
      return;
    }
    // A count that cannot be saved (a full disk) still refuses the PIN; only the wait cannot grow.
    const counted = await this.store.notePinFailure(learnerId, this.now().toISOString()).catch(() => undefined);
    const wait = counted ? waitAfter(counted.count) : 0;
    throw new UserError(
      'wrong-pin',
      wait === 0
        ? `That is not ${learner.name}'s PIN; check it and try again.`
        : `That is not ${learner.name}'s PIN. After ${counted!.count} wrong PINs in a row, wait ${seconds(wait)} before trying again.`,
    );
  }
}
