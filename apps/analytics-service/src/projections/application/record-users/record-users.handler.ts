import { Injectable } from '@nestjs/common';
import { SummaryDelta } from '../../domain/summary-delta';
import {
  type Claimed,
  freshFacts,
  ProjectionStore,
  type RegisteredUser,
} from '../ports/projection-store';

export interface RecordUsers {
  readonly consumer: string;
  readonly users: readonly Claimed<RegisteredUser>[];
}

/** Counts newly registered users, each once. */
@Injectable()
export class RecordUsersHandler {
  constructor(private readonly projections: ProjectionStore) {}

  execute({ consumer, users }: RecordUsers): Promise<number> {
    return this.projections.inTransaction(async (tx) => {
      const fresh = await tx.claim(
        consumer,
        users.map((entry) => entry.eventId),
      );
      const candidates = freshFacts(users, fresh);
      if (candidates.length === 0) return 0;
      const added = await tx.addUsers(candidates);
      const delta = new SummaryDelta();
      delta.count('users.registered', added.size);
      await tx.apply(delta);
      return added.size;
    });
  }
}
