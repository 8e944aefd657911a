import { databaseUrl, type StackProfile } from '../../stack/profile';
import { SERVICES } from '../../stack/services';

/** The URLs of the stack's databases the saga's checks read. */
export interface StackDatabases {
  readonly order: string;
  readonly inventory: string;
  readonly payment: string;
  readonly notification: string;
}

export function stackDatabases(profile: StackProfile): StackDatabases {
  const url = (name: string): string => {
    const service = SERVICES.find((candidate) => candidate.name === `${name}-service`);
    if (!service) throw new Error(`unknown service ${name}-service`);
    return databaseUrl(profile, service);
  };
  return {
    order: url('order'),
    inventory: url('inventory'),
    payment: url('payment'),
    notification: url('notification'),
  };
}
