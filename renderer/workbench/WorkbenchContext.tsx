// React access to the workbench services and to slices of their machines. Components
// read state with useSelector on the smallest slice they need, so a progress update
// re-renders the explorer and the status bar, not the whole workbench.

import { createContext, useContext } from 'react';
import { useSelector } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import type { WorkbenchServices } from './services';
import type { layoutMachine } from './state/layoutMachine';
import type { overlayMachine } from './state/overlayMachine';
import type { sessionMachine } from './state/sessionMachine';

const ServicesContext = createContext<WorkbenchServices | null>(null);

/** Provides the services to the workbench's components. */
export const ServicesProvider = ServicesContext.Provider;

/** The workbench services. */
export function useServices(): WorkbenchServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it.');
  return services;
}

/** A slice of the session (learner, courses, progress, notices). */
export function useSession<T>(select: (snapshot: SnapshotFrom<typeof sessionMachine>) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(useServices().session, select, compare);
}

/** A slice of the layout (tabs, views, theme, zoom). */
export function useLayout<T>(select: (snapshot: SnapshotFrom<typeof layoutMachine>) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(useServices().layout, select, compare);
}

/** A slice of the overlay (quick input and dialogs). */
export function useOverlay<T>(select: (snapshot: SnapshotFrom<typeof overlayMachine>) => T): T {
  return useSelector(useServices().overlay, select);
}
