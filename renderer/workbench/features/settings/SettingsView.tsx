// The Settings view: theme, zoom and who is studying. Every setting here is also a
// command with a shortcut.

import { useCallback, useId, useRef } from 'react';
import type { ThemeSetting } from '../../../../engine/api/studioApi';
import { useLayout, useServices, useSession } from '../../WorkbenchContext';
import { focusFirst, useFocusable } from '../../views/viewFocus';

const THEMES: { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'high-contrast', label: 'High contrast' },
];

/** The Settings view. */
export function SettingsView() {
  const services = useServices();
  const id = useId();
  const theme = useLayout((s) => s.context.theme);
  const zoom = useLayout((s) => s.context.zoom);
  const learner = useSession((s) => s.context.learner);
  const env = useSession((s) => s.context.env);
  const root = useRef<HTMLDivElement>(null);
  useFocusable('settings', useCallback(() => focusFirst(root.current, 'input:checked'), []));
  return (
    <div className="wb-settings" ref={root}>
      <fieldset>
        <legend>Colour theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="wb-radio">
            <input type="radio" name={`${id}-theme`} value={t.value} checked={theme === t.value} onChange={() => services.layout.send({ type: 'SET_THEME', theme: t.value })} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Zoom</legend>
        <div className="wb-zoom">
          <button type="button" className="wb-button" onClick={() => void services.runCommand('appearance.zoomOut')} aria-label="Zoom out">
            −
          </button>
          <output aria-live="polite" aria-label="Zoom level">
            {Math.round(zoom * 100)}%
          </output>
          <button type="button" className="wb-button" onClick={() => void services.runCommand('appearance.zoomIn')} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="wb-button" onClick={() => void services.runCommand('appearance.zoomReset')}>
            Reset
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Learner</legend>
        <p>
          Studying as {learner?.name}
          {learner?.hasPin ? ', whose work is behind a PIN.' : '.'}
        </p>
        <div className="wb-settings-actions">
          <button type="button" className="wb-button" onClick={() => void services.runCommand('learner.switch')}>
            Switch learner…
          </button>
          <button type="button" className="wb-button" onClick={() => void services.runCommand('learner.managePin')}>
            {learner?.hasPin ? 'Change or remove my PIN…' : 'Protect my work with a PIN…'}
          </button>
          <button type="button" className="wb-button" onClick={() => void services.runCommand('learner.delete')}>
            Delete this learner…
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Keyboard</legend>
        <button type="button" className="wb-button" onClick={() => void services.runCommand('help.showShortcuts')}>
          Show keyboard shortcuts
        </button>
      </fieldset>
      {env && (
        <p className="wb-hint">
          Health Creation Studio {env.version}, {env.mode === 'browser' ? 'browser mode' : env.mode}.
        </p>
      )}
    </div>
  );
}
