import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../domain/user';

/** A field the API knows but refuses, with the reason as its message. */
function Refused(message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'refused', validator: { validate: () => false } },
    { ...options, message },
  );
}

const present = (_object: object, value: unknown): boolean => value !== undefined;

/**
 * PATCH /users/me. Every field is optional, but at least one must be given; null is refused
 * except for phone, where it removes the number. Unknown fields are refused by the pipe.
 */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'ada', minLength: 2, maxLength: 50 })
  @ValidateIf(present)
  @IsString()
  @Length(2, 50)
  username?: string;

  @ApiPropertyOptional({
    example: '+4915112345678',
    nullable: true,
    type: String,
    description: 'E.164; null removes the phone (then "sms" cannot be a channel)',
  })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsString()
  @Matches(/^\+[1-9][0-9]{1,14}$/, { message: 'phone must be in E.164 form, e.g. +4915112345678' })
  phone?: string | null;

  @ApiPropertyOptional({
    enum: NOTIFICATION_CHANNELS,
    isArray: true,
    example: ['email', 'sms'],
    description: 'Where order news goes: "sms" needs a phone',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayNotEmpty({ message: 'notificationChannels must name at least one channel' })
  @ArrayMaxSize(NOTIFICATION_CHANNELS.length)
  @ArrayUnique({ message: 'notificationChannels must not repeat a channel' })
  @IsIn(NOTIFICATION_CHANNELS, {
    each: true,
    message: `notificationChannels may only hold ${NOTIFICATION_CHANNELS.map((c) => `"${c}"`).join(' and ')}`,
  })
  notificationChannels?: NotificationChannel[];

  @ApiPropertyOptional({ description: 'Refused: changing the email needs a verification step' })
  @ValidateIf(present)
  @Refused(
    'email cannot be changed here: a new address must be verified first, which is not supported yet',
  )
  email?: unknown;
}

export class UserProfileUpdatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ nullable: true, type: String, example: '+4915112345678' }) phone!: string | null;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true })
  notificationChannels!: NotificationChannel[];
}
