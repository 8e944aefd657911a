import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ContactRepository } from './application/record-contact/contact.repository';
import { RecordContactsHandler } from './application/record-contact/record-contacts.handler';
import { PrismaContactRepository } from './infrastructure/prisma-contact.repository';
import { UserEventsConsumer } from './messaging/user-events.consumer';

@Module({
  imports: [NotificationsModule],
  controllers: [UserEventsConsumer],
  providers: [
    RecordContactsHandler,
    { provide: ContactRepository, useClass: PrismaContactRepository },
  ],
})
export class ContactsModule {}
