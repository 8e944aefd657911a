import {
  Body,
  Controller,
  Get,
  Inject,
  Patch,
  type PipeTransform,
  Query,
  type Type,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, type AuthenticatedUser, CurrentUser } from '@kafka-commerce/auth';
import { createValidationPipe } from '../http/validation';
import { type RuntimeSettings } from './runtime-settings';
import { type RuntimeSettingsClass } from './runtime-settings.module';
import { InvalidSettingsError, type SettingsShape } from './settings-definition';
import {
  DEFAULT_AUDIT_ENTRIES,
  invalidSettingsRequest,
  SettingsAuditEntryResponse,
  SettingsAuditQuery,
  type SettingsResponseOf,
  type SettingsVersionResponse,
  toAuditResponse,
  toSettingsResponse,
} from './settings-http';

export interface SettingsControllerOptions<T extends SettingsShape<T>> {
  /** The service's RuntimeSettings subclass: the token its settings are injected by. */
  readonly settings: RuntimeSettingsClass<T>;
  /** The PATCH body: a zod DTO, every setting optional. */
  readonly request: Type<object>;
  /** The settings as GET and PATCH answer them (for the OpenAPI document). */
  readonly response: Type<SettingsVersionResponse>;
}

/**
 * Validates a PATCH body against the service's request class with the service's usual
 * pipe (400 naming each field, unknown fields refused), and hands on the fields given.
 */
class SettingsRequestPipe implements PipeTransform<unknown, Promise<Record<string, unknown>>> {
  private readonly validation = createValidationPipe();

  constructor(private readonly request: Type<object>) {}

  async transform(body: unknown): Promise<Record<string, unknown>> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw invalidSettingsRequest(
        new InvalidSettingsError([
          { field: 'body', messages: ['the body must be a JSON object of settings to change'] },
        ]),
      );
    const validated: object = (await this.validation.transform(body, {
      type: 'body',
      metatype: this.request,
    })) as object;
    return { ...validated };
  }
}

/**
 * `GET /settings`, `PATCH /settings` and `GET /settings/audit`, admin only (401 without a
 * token, 403 for anyone else), as every service with runtime settings serves them; the
 * service gives its settings, request and response classes.
 */
export function settingsController<T extends SettingsShape<T>>(
  options: SettingsControllerOptions<T>,
): Type<unknown> {
  const { request, response } = options;

  @ApiTags('settings')
  @AdminOnly()
  @Controller('settings')
  class SettingsController {
    constructor(@Inject(options.settings) private readonly settings: RuntimeSettings<T>) {}

    @Get()
    @ApiOperation({
      summary: 'The runtime settings in effect',
      description:
        'Version 0 means nothing was changed yet: the environment configuration is in effect.',
    })
    @ApiOkResponse({ type: response })
    get(): SettingsResponseOf<T> {
      return toSettingsResponse(this.settings.snapshot());
    }

    @Patch()
    @ApiOperation({
      summary: 'Changes some settings, without a restart',
      description:
        'Only the fields given change. The change is audited (who, when, before and after) and ' +
        'in effect in every instance for the next event: this one at once, the others as soon ' +
        'as the database notifies them (within a few seconds at worst). Setting fields to ' +
        'the values they hold changes nothing and is not audited.',
    })
    @ApiBody({ type: request })
    @ApiOkResponse({ type: response, description: 'The settings now in effect' })
    @ApiBadRequestResponse({
      description: 'An unknown field, or a value of the wrong type or out of range (named)',
    })
    async update(
      @Body(new SettingsRequestPipe(request)) patch: Record<string, unknown>,
      @CurrentUser() user: AuthenticatedUser,
    ): Promise<SettingsResponseOf<T>> {
      try {
        const actor = { userId: user.userId, email: user.email };
        return toSettingsResponse(await this.settings.update(patch, actor));
      } catch (error) {
        if (error instanceof InvalidSettingsError) throw invalidSettingsRequest(error);
        throw error;
      }
    }

    @Get('audit')
    @ApiOperation({ summary: 'The changes made to the settings, newest first' })
    @ApiOkResponse({ type: [SettingsAuditEntryResponse] })
    async audit(@Query() query: SettingsAuditQuery): Promise<SettingsAuditEntryResponse[]> {
      const entries = await this.settings.audit(query.limit ?? DEFAULT_AUDIT_ENTRIES);
      return entries.map(toAuditResponse);
    }
  }

  return SettingsController;
}
