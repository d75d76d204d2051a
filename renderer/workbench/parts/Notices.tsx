// Messages the back end raised on its own (a progress file set aside, a course that
// would not load) and failures of calls: shown in words and announced, warnings and
// errors as alerts, information as status.

import { useSession, useServices } from '../WorkbenchContext';

/** The notices strip at the top of the window. */
export function Notices() {
  const services = useServices();
  const notices = useSession((s) => s.context.notices);
  return (
    <div className="wb-notices">
      {notices.map((n) => (
        <div key={n.id} className={`wb-notice wb-notice-${n.level}`} role={n.level === 'info' ? 'status' : 'alert'}>
          <span className="wb-notice-level">{n.level === 'error' ? 'Error:' : n.level === 'warning' ? 'Warning:' : 'Note:'}</span>{' '}
          <span className="wb-notice-text">{n.message}</span>
          <button type="button" className="wb-notice-dismiss" onClick={() => services.session.send({ type: 'DISMISS_NOTICE', id: n.id })}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
