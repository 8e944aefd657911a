import { toDecimal, toMoney } from '@kafka-commerce/money';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import { isPaymentLimit, MAX_PAYMENT_LIMIT, PAYMENT_LIMIT_RULE } from '../domain/payment-settings';

/** `PATCH /settings`: the settings to change; the others keep their value. */
export class UpdatePaymentSettingsRequest {
  @ApiPropertyOptional({
    example: '5000.00',
    description: `Any charge above it is refused (amount_limit_exceeded). A decimal string (never a JSON number) from 0 to ${MAX_PAYMENT_LIMIT}; stored with 2 decimals`,
  })
  // Left out: unchanged. null is not left out (IsOptional would let it through).
  @ValidateIf((_request, value) => value !== undefined)
  // "50" and "50.00" are the same limit: stored alike, so that neither is a change of the other.
  @Transform(({ value }: { value: unknown }) =>
    isPaymentLimit(value) ? toMoney(toDecimal(value)) : value,
  )
  @ValidateBy({
    name: 'isPaymentLimit',
    validator: { validate: isPaymentLimit, defaultMessage: () => PAYMENT_LIMIT_RULE },
  })
  paymentLimit?: string;
}
