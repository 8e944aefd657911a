import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@kafka-commerce/platform';
import { ListNotificationsHandler } from '../application/list-notifications/list-notifications.handler';
import {
  type NotificationFilter,
  NotificationReader,
  type NotificationView,
} from '../application/ports/notification-reader';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationsController } from './notifications.controller';

class RecordingReader extends NotificationReader {
  calls: { filter: NotificationFilter; limit: number }[] = [];
  rows: NotificationView[] = [];

  list(filter: NotificationFilter, limit: number): Promise<NotificationView[]> {
    this.calls.push({ filter, limit });
    return Promise.resolve(this.rows);
  }
}

const userId = '0b8f3c1e-6f5e-4b8a-9a36-1f6f1f7a2c11';

async function validQuery(raw: Record<string, string>): Promise<ListNotificationsQuery> {
  return (await createValidationPipe().transform(raw, {
    type: 'query',
    metatype: ListNotificationsQuery,
  })) as ListNotificationsQuery;
}

describe('GET /notifications', () => {
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
    const controller = new NotificationsController(new ListNotificationsHandler(reader));

    const body = await controller.list(await validQuery({ userId }));

    expect(reader.calls).toEqual([{ filter: { userId }, limit: 200 }]);
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

  it('needs no filter', async () => {
    const reader = new RecordingReader();
    await new NotificationsController(new ListNotificationsHandler(reader)).list(
      await validQuery({}),
    );
    expect(reader.calls).toEqual([{ filter: {}, limit: 200 }]);
  });

  it('answers 400 for ids that are not UUIDs and for unknown parameters', async () => {
    await expect(validQuery({ orderId: 'not-a-uuid' })).rejects.toBeInstanceOf(BadRequestException);
    await expect(validQuery({ user: userId })).rejects.toBeInstanceOf(BadRequestException);
  });
});
