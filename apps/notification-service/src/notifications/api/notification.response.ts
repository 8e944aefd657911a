import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  NOTIFICATION_TEMPLATES,
  type NotificationChannel,
  type NotificationStatus,
} from '../domain/notification';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty({ enum: NOTIFICATION_TEMPLATES, example: 'order-confirmed' }) template!: string;
  @ApiProperty({ description: 'Email address, phone number or user id, by channel' })
  recipient!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ format: 'uuid', description: 'The event that caused it' }) eventId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orderId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
}
