import { useEffect, useState } from 'react';
import type { DevicePosition } from '../../server/contract/field.js';

// The device's position, followed while the page is open (watchPosition). Denied, unavailable or not yet known are
// told apart: the page says which, and a check-in without a position is still allowed (and flagged 距离过远).

export type PositionState =
  | { status: 'waiting'; position: null }
  | { status: 'ok'; position: DevicePosition; at: number }
  | { status: 'denied' | 'unavailable' | 'unsupported'; position: null };

export function usePosition(): PositionState {
  const [state, setState] = useState<PositionState>(() =>
    typeof navigator !== 'undefined' && 'geolocation' in navigator ? { status: 'waiting', position: null } : { status: 'unsupported', position: null },
  );
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    const id = navigator.geolocation.watchPosition(
      (p) =>
        setState({
          status: 'ok',
          position: { lon: p.coords.longitude, lat: p.coords.latitude, accuracyMetres: Number.isFinite(p.coords.accuracy) ? Math.round(p.coords.accuracy * 10) / 10 : null },
          at: p.timestamp,
        }),
      (error) => setState((s) => (error.code === error.PERMISSION_DENIED ? { status: 'denied', position: null } : s.status === 'ok' ? s : { status: 'unavailable', position: null })),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, []);
  return state;
}
