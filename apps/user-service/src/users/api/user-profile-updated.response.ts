import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../domain/user';

export class UserProfileUpdatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ nullable: true, type: String, example: '+4915112345678' }) phone!: string | null;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true })
  notificationChannels!: NotificationChannel[];
}
