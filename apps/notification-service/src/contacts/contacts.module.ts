import { Module } from '@nestjs/common';
import { ContactRepository } from './application/record-contact/contact.repository';
import { RecordContactHandler } from './application/record-contact/record-contact.handler';
import { PrismaContactRepository } from './infrastructure/prisma-contact.repository';
import { UserEventsConsumer } from './messaging/user-events.consumer';

@Module({
  controllers: [UserEventsConsumer],
  providers: [
    RecordContactHandler,
    { provide: ContactRepository, useClass: PrismaContactRepository },
  ],
})
export class ContactsModule {}
