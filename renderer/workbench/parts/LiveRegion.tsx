// A polite live region for short announcements (tab closed, theme changed), so
// changes made from the keyboard are heard as well as seen.

import { useEffect, useState } from 'react';
import { useServices } from '../WorkbenchContext';

/** The workbench's announcer. */
export function LiveRegion() {
  const services = useServices();
  const [message, setMessage] = useState('');
  useEffect(() => {
    services.setAnnouncer((text) => {
      // Clearing first makes a repeated message be announced again.
      setMessage('');
      requestAnimationFrame(() => setMessage(text));
    });
  }, [services]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {message}
    </div>
  );
}
