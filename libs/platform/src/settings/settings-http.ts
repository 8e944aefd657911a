import { BadRequestException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type SettingsSnapshot } from './live-settings';
import { type SettingsAuditEntry } from './runtime-settings.store';
import { type FieldChange, type InvalidSettingsError } from './settings-definition';

export const DEFAULT_AUDIT_ENTRIES = 50;
export const MAX_AUDIT_ENTRIES = 500;

/** `GET /settings/audit` query. */
export class SettingsAuditQuery extends createZodDto(
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_ENTRIES).optional(),
  }),
) {}

export class SettingsActorResponse {
  @ApiProperty({ description: "The admin's user id (from the access token)" }) userId!: string;
  @ApiProperty({ example: 'admin@kafka-commerce.local' }) email!: string;
}

export class SettingsAuditEntryResponse {
  @ApiProperty({ example: 3, description: 'The settings version this change made' })
  version!: number;

  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty({ type: SettingsActorResponse }) changedBy!: SettingsActorResponse;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { before: {}, after: {} },
      required: ['before', 'after'],
    },
    example: { paymentLimit: { before: '10000.00', after: '50.00' } },
    description: 'Each changed field, before and after',
  })
  changes!: Record<string, FieldChange>;
}

export function toAuditResponse(entry: SettingsAuditEntry): SettingsAuditEntryResponse {
  return {
    version: entry.version,
    changedAt: entry.changedAt.toISOString(),
    changedBy: { ...entry.changedBy },
    changes: { ...entry.changes },
  };
}

/** The part of `GET` and `PATCH /settings`' answer every service has; each adds its settings. */
export class SettingsVersionResponse {
  @ApiProperty({
    example: 3,
    description:
      'Goes up by one with each change; 0: nothing changed yet (the environment configuration is in effect)',
  })
  version!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the last change was made; null at version 0',
  })
  updatedAt!: string | null;
}

/** What `GET` and `PATCH /settings` answer: the settings in effect, with their version. */
export type SettingsResponseOf<T> = T & {
  readonly version: number;
  readonly updatedAt: string | null;
};

export function toSettingsResponse<T>(snapshot: SettingsSnapshot<T>): SettingsResponseOf<T> {
  return {
    ...snapshot.values,
    version: snapshot.version,
    updatedAt: snapshot.updatedAt?.toISOString() ?? null,
  };
}

/** A refused change, as the service's validation pipe answers bad input: 400 naming each field. */
export function invalidSettingsRequest(error: InvalidSettingsError): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors: error.errors,
  });
}
