import { describe, expect, it } from 'vitest';
import { formatKeybinding, matchesKeybinding, type KeyLike } from '../../../../renderer/workbench/commands/keybinding';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keybindings', () => {
  it('reads CtrlCmd as Control on Windows and Linux', () => {
    expect(matchesKeybinding(key('P', { ctrlKey: true, shiftKey: true }), 'CtrlCmd+Shift+P', 'linux')).toBe(true);
    expect(matchesKeybinding(key('P', { metaKey: true, shiftKey: true }), 'CtrlCmd+Shift+P', 'win32')).toBe(false);
  });

  it('reads CtrlCmd as Command on macOS', () => {
    expect(matchesKeybinding(key('p', { metaKey: true }), 'CtrlCmd+P', 'darwin')).toBe(true);
    expect(matchesKeybinding(key('p', { ctrlKey: true }), 'CtrlCmd+P', 'darwin')).toBe(false);
  });

  it('keeps Ctrl as Control on macOS, as Ctrl+Tab is there', () => {
    expect(matchesKeybinding(key('Tab', { ctrlKey: true }), 'Ctrl+Tab', 'darwin')).toBe(true);
  });

  it('does not fire Ctrl+P for Ctrl+Shift+P', () => {
    expect(matchesKeybinding(key('P', { ctrlKey: true, shiftKey: true }), 'CtrlCmd+P', 'linux')).toBe(false);
  });

  it('accepts "+" for zoom in, typed with or without Shift', () => {
    expect(matchesKeybinding(key('=', { ctrlKey: true }), 'CtrlCmd+=', 'linux')).toBe(true);
    expect(matchesKeybinding(key('+', { ctrlKey: true, shiftKey: true }), 'CtrlCmd+=', 'linux')).toBe(true);
  });

  it('writes shortcuts the way each platform does', () => {
    expect(formatKeybinding('CtrlCmd+Shift+P', 'linux')).toBe('Ctrl+Shift+P');
    expect(formatKeybinding('CtrlCmd+Shift+P', 'darwin')).toBe('⇧⌘P');
    expect(formatKeybinding('Ctrl+PageDown', 'win32')).toBe('Ctrl+PageDown');
  });
});
