import { useNav } from '../../stores/nav-store';
import { NewRequestForm } from './new-request-form';
import { RequestView } from './request-view';
import './coordination.css';

/** One request (or, coming from a consultation, the form that opens one). */
export function CoordinationRequestScreen() {
  const id = useNav((s) => s.coordinationId);
  const from = useNav((s) => s.coordinationFrom);
  if (id) return <RequestView id={id} />;
  if (from) return <NewRequestForm consultationId={from} />;
  return null;
}
