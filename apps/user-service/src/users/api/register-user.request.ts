import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  SIGNUP_SOURCES,
  type SignupSource,
} from '../domain/user';

export class RegisterUserRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'ada', minLength: 2, maxLength: 50 })
  @IsString()
  @Length(2, 50)
  username!: string;

  @ApiProperty({ example: 'correct horse battery', minLength: 8, maxLength: 128 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ example: '+44 20 7946 0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ enum: SIGNUP_SOURCES, default: 'web' })
  @IsOptional()
  @IsIn(SIGNUP_SOURCES)
  source?: SignupSource;
}

export class RegisteredUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

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
