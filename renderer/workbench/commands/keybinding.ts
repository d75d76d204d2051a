// Keybindings are written once, platform-neutral, as in VS Code: "CtrlCmd+Shift+P"
// means Cmd on macOS and Ctrl elsewhere; "Ctrl" always means the Control key.

/** A keybinding string such as "CtrlCmd+Shift+P", "Ctrl+PageDown" or "F1". */
export type Keybinding = string;

interface Chord {
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower-cased, for matching. */
  key: string;
  /** As written, for display ("PageDown"). */
  name: string;
}

/** True on Apple platforms, where CtrlCmd means the Command key. */
export function isMac(platform: string): boolean {
  return platform === 'darwin' || platform === 'mac';
}

function parse(binding: Keybinding, platform: string): Chord {
  const parts = binding.split('+');
  // "CtrlCmd+=" splits cleanly, but "CtrlCmd++" would not; the key is always the last part.
  const name = parts.pop() || '+';
  const key = name.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const mac = isMac(platform);
  return {
    ctrl: mods.has('ctrl') || (mods.has('ctrlcmd') && !mac),
    meta: mods.has('meta') || mods.has('cmd') || (mods.has('ctrlcmd') && mac),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
    key,
    name,
  };
}

/** Keys that different layouts report under another name (Shift+= is "+"). */
const SAME_KEY: Record<string, string[]> = { '=': ['=', '+'], '-': ['-', '_'], '0': ['0', ')'] };

/** The subset of KeyboardEvent a match needs (so tests need no DOM). */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** True when a keyboard event is the given keybinding on this platform. */
export function matchesKeybinding(event: KeyLike, binding: Keybinding, platform: string): boolean {
  const chord = parse(binding, platform);
  if (event.ctrlKey !== chord.ctrl || event.metaKey !== chord.meta || event.altKey !== chord.alt) return false;
  const key = event.key.toLowerCase();
  const accepted = SAME_KEY[chord.key] ?? [chord.key];
  if (!accepted.includes(key)) return false;
  // Shift may be implied by the key itself ("+" is Shift+= on most layouts).
  return event.shiftKey === chord.shift || (chord.key in SAME_KEY && key !== chord.key);
}

const MAC_SYMBOLS: Record<string, string> = { ctrl: '⌃', shift: '⇧', alt: '⌥', meta: '⌘' };

/** The keybinding as the learner's platform writes it, e.g. "Ctrl+Shift+P" or "⇧⌘P". */
export function formatKeybinding(binding: Keybinding, platform: string): string {
  const c = parse(binding, platform);
  const key = c.name.length === 1 ? c.name.toUpperCase() : c.name;
  if (isMac(platform)) {
    return [c.ctrl && MAC_SYMBOLS.ctrl, c.alt && MAC_SYMBOLS.alt, c.shift && MAC_SYMBOLS.shift, c.meta && MAC_SYMBOLS.meta, key]
      .filter(Boolean)
      .join('');
  }
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', key].filter(Boolean).join('+');
}

/** The keybinding in words for screen readers and aria-keyshortcuts ("Control+Shift+P"). */
export function ariaKeyshortcut(binding: Keybinding, platform: string): string {
  const c = parse(binding, platform);
  const key = c.name.length === 1 ? c.name.toUpperCase() : c.name;
  return [c.ctrl && 'Control', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', key].filter(Boolean).join('+');
}
