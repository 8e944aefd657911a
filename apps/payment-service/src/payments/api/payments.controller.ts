import { toMoney } from '@kafka-commerce/money';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, Authenticated, CurrentUser } from '@kafka-commerce/auth';
import {
  type Charge,
  ListPaymentsHandler,
} from '../application/list-payments/list-payments.handler';
import { ListPaymentsQuery } from './list-payments.query';
import { PaymentResponse } from './payment.response';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly listPayments: ListPaymentsHandler) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: "An order's charges",
    description:
      'A customer sees the payments of their own orders only; an admin sees any order. ' +
      "Another customer's order answers 404, like an order payment-service has not heard of " +
      '(it learns of an order from order.created, moments after the order is placed).',
  })
  @ApiOkResponse({ type: [PaymentResponse], description: "The order's charges (maybe none yet)" })
  @ApiBadRequestResponse({ description: 'orderId is missing or not a UUID' })
  @ApiNotFoundResponse({ description: 'No such order known here, or not yours' })
  async list(
    @Query() query: ListPaymentsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PaymentResponse[]> {
    const charges = await this.listPayments.execute({
      orderId: query.orderId,
      viewer: { userId: user.userId, isAdmin: user.role === 'admin' },
    });
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
