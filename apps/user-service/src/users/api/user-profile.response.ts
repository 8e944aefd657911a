import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  SIGNUP_SOURCES,
  type SignupSource,
} from '../domain/user';

export class UserProfileResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiProperty({ enum: SIGNUP_SOURCES }) source!: SignupSource;
  @ApiProperty({ enum: ['user', 'admin'] }) role!: 'user' | 'admin';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true })
  notificationChannels!: NotificationChannel[];
}
