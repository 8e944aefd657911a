import { BadRequestException } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { AuthGuard, type AuthenticatedUser } from '@kafka-commerce/auth';
import { validated } from '@kafka-commerce/testing';
import { ListNotificationsHandler } from '../application/list-notifications/list-notifications.handler';
import { OtherUsersNotificationsError } from '../application/notification.errors';
import {
  type NotificationFilter,
  NotificationReader,
  type NotificationScope,
  type NotificationView,
} from '../application/ports/notification-reader';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationsController } from './notifications.controller';

class RecordingReader extends NotificationReader {
  calls: { filter: NotificationFilter; scope: NotificationScope; limit: number }[] = [];
  rows: NotificationView[] = [];

  list(
    filter: NotificationFilter,
    scope: NotificationScope,
    limit: number,
  ): Promise<NotificationView[]> {
    this.calls.push({ filter, scope, limit });
    return Promise.resolve(this.rows);
  }
}

const userId = '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11';
const otherUserId = '6d0c55a4-3f0e-4f5e-9d1c-2b8e8f1b7c22';
const orderId = 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c0aa';
const customer: AuthenticatedUser = { userId, email: 'ada@example.com', role: 'user' };
const admin: AuthenticatedUser = {
  userId: '9e4b1c2d-0a5f-4e6b-8c7d-3f2a1b0c9d88',
  email: 'admin@kafka-commerce.local',
  role: 'admin',
};

const validQuery = (raw: Record<string, string>) => validated(ListNotificationsQuery, raw, 'query');

function controllerWith(reader: NotificationReader): NotificationsController {
  return new NotificationsController(new ListNotificationsHandler(reader));
}

describe('GET /notifications', () => {
  it('needs a token', () => {
    const guards: unknown = Reflect.getMetadata(
      GUARDS_METADATA,
      NotificationsController.prototype.list,
    );
    expect(guards).toEqual([AuthGuard]);
  });

  it('lists newest first, at most 200, with the filters given', async () => {
    const reader = new RecordingReader();
    reader.rows = [
      {
        id: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001',
        channel: 'email',
        template: 'welcome',
        recipient: 'ada@example.com',
        userId,
        orderId: null,
        status: 'SENT',
        eventId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c002',
        createdAt: new Date('2026-11-26T10:00:00.000Z'),
        sentAt: new Date('2026-11-26T10:00:01.000Z'),
      },
    ];

    const body = await controllerWith(reader).list(await validQuery({ userId }), admin);

    expect(reader.calls).toEqual([{ filter: { userId }, scope: { kind: 'everyone' }, limit: 200 }]);
    expect(body).toEqual([
      {
        id: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c001',
        channel: 'email',
        template: 'welcome',
        recipient: 'ada@example.com',
        status: 'SENT',
        eventId: 'a3c7f2f0-0b0e-4c43-9f39-7a3c58b0c002',
        userId,
        orderId: null,
        createdAt: '2026-11-26T10:00:00.000Z',
        sentAt: '2026-11-26T10:00:01.000Z',
      },
    ]);
  });

  it("shows an admin everyone's without a filter", async () => {
    const reader = new RecordingReader();
    await controllerWith(reader).list(await validQuery({}), admin);
    expect(reader.calls).toEqual([{ filter: {}, scope: { kind: 'everyone' }, limit: 200 }]);
  });

  it('scopes a customer to their own, with or without a filter', async () => {
    const reader = new RecordingReader();
    const controller = controllerWith(reader);

    await controller.list(await validQuery({}), customer);
    await controller.list(await validQuery({ orderId }), customer);
    await controller.list(await validQuery({ userId }), customer);

    const own = { kind: 'user', userId };
    expect(reader.calls).toEqual([
      { filter: {}, scope: own, limit: 200 },
      { filter: { orderId }, scope: own, limit: 200 },
      { filter: { userId }, scope: own, limit: 200 },
    ]);
  });

  // notificationsHttpErrors answers it with 403.
  it("refuses a customer asking for another user's, without reading them", async () => {
    const reader = new RecordingReader();
    await expect(
      controllerWith(reader).list(await validQuery({ userId: otherUserId }), customer),
    ).rejects.toBeInstanceOf(OtherUsersNotificationsError);
    expect(reader.calls).toEqual([]);
  });

  it('answers 400 for ids that are not UUIDs and for unknown parameters', async () => {
    await expect(validQuery({ orderId: 'not-a-uuid' })).rejects.toBeInstanceOf(BadRequestException);
    await expect(validQuery({ user: userId })).rejects.toBeInstanceOf(BadRequestException);
  });

  it('names the field and its rule in a 400', async () => {
    const refusal: unknown = await validQuery({ orderId: 'not-a-uuid' }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(BadRequestException);
    expect((refusal as BadRequestException).getResponse()).toMatchObject({
      errors: [{ field: 'orderId', messages: ['orderId: must be a UUID'] }],
    });
  });

  it('takes no filter, or either, or both', async () => {
    await expect(validQuery({})).resolves.toEqual({});
    await expect(validQuery({ userId, orderId })).resolves.toEqual({ userId, orderId });
  });
});
