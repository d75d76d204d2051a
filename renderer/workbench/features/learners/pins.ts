// What the forms say about a PIN before it is sent: the back end checks again (and
// alone decides whether a PIN is right), but a learner who types three digits should
// hear why at once, in the same words wherever a PIN is asked for.

import { PIN_DIGITS } from '../../../../engine/api/studioApi';

/** Why `pin` cannot be a PIN, or undefined when it can. */
export function pinProblem(pin: string, which = 'The PIN'): string | undefined {
  if (pin === '') return `Type ${which === 'The PIN' ? 'the PIN' : which.toLowerCase()} first.`;
  if (!/^[0-9]+$/.test(pin)) return `${which} is digits only, 0 to 9.`;
  if (pin.length < PIN_DIGITS.min || pin.length > PIN_DIGITS.max) return `${which} is ${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits long; this one has ${pin.length}.`;
  return undefined;
}

/** The attributes every PIN field shares: hidden as typed, a number pad on touch screens, never offered to a password manager. */
export const PIN_INPUT = { type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: PIN_DIGITS.max + 8, spellCheck: false } as const;
