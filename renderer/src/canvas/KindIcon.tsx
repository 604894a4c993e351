import { kindGroup, kindMonogram } from './kind-style';

/** A kind's icon: a group-colored tile with the kind's monogram (decorative; the label says it). */
export function KindIcon({ kind }: { kind: string }) {
  return (
    <span className={`kind-icon group-${kindGroup(kind)}`} aria-hidden="true">
      {kindMonogram(kind)}
    </span>
  );
}
