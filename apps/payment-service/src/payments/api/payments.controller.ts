import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toMoney } from '@kafka-commerce/events';
import {
  type Charge,
  ListPaymentsHandler,
} from '../application/list-payments/list-payments.handler';
import { ListPaymentsQuery, PaymentResponse } from './list-payments.query';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly listPayments: ListPaymentsHandler) {}

  @Get()
  @ApiOkResponse({ type: [PaymentResponse], description: "The order's charges (maybe none yet)" })
  @ApiBadRequestResponse({ description: 'orderId is missing or not a UUID' })
  async list(@Query() query: ListPaymentsQuery): Promise<PaymentResponse[]> {
    const charges = await this.listPayments.execute(query.orderId);
    return charges.map(toResponse);
  }
}

function toResponse(charge: Charge): PaymentResponse {
  return {
    id: charge.id,
    orderId: charge.orderId,
    amount: toMoney(charge.terms.amount),
    method: charge.terms.method,
    status: charge.status,
    ...(charge.reason === null ? {} : { reason: charge.reason }),
    // A charge exists from the moment it was made; the row's own creation is the intent's.
    createdAt: (charge.processedAt ?? charge.createdAt).toISOString(),
    ...(charge.refundedAt === null ? {} : { refundedAt: charge.refundedAt.toISOString() }),
  };
}
