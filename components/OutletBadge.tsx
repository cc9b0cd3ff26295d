import { hueOf, initials } from './format';

/** The outlet's "favicon": its initials on a colour derived from its id. No network request. */
export function OutletBadge({ id, name, small = false }: { id: string; name: string; small?: boolean }) {
  return (
    <span class={small ? 'outlet-badge small' : 'outlet-badge'} aria-hidden="true" style={{ background: `hsl(${hueOf(id)} 55% 32%)` }}>
      {initials(name)}
    </span>
  );
}
