import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, Authenticated, CurrentUser } from '@kafka-commerce/auth';
import { CancelOrderHandler } from '../application/cancel-order/cancel-order.handler';
import { GetOrderHandler } from '../application/get-order/get-order.handler';
import { ListOrdersHandler } from '../application/list-orders/list-orders.handler';
import { PlaceOrderHandler } from '../application/place-order/place-order.handler';
import { type Viewer } from '../domain/order';
import {
  IDEMPOTENCY_KEY_HEADER,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  parseIdempotencyKey,
} from './idempotency-key';
import { ListOrdersQuery } from './list-orders.query';
import { toOrderResponse, toPlacedOrderResponse } from './order.presenter';
import { OrderPageResponse, OrderResponse, PlacedOrderResponse } from './order.response';
import { PlaceOrderRequest } from './place-order.request';

/** The part of Fastify's reply this controller touches (structural: no platform import). */
interface ReplyHeaders {
  header(name: string, value: string): unknown;
}

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly getOrder: GetOrderHandler,
    private readonly listOrders: ListOrdersHandler,
    private readonly cancelOrder: CancelOrderHandler,
  ) {}

  @Post()
  @Authenticated()
  @HttpCode(202)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: `1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters. Same key from the same user → the same order (response header Idempotent-Replayed: true), never a second one.`,
  })
  @ApiAcceptedResponse({ type: PlacedOrderResponse, description: 'Placed; the saga settles it' })
  @ApiBadRequestResponse({ description: 'Invalid body or Idempotency-Key' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown products (listed in productIds)' })
  async place(
    @Body() body: PlaceOrderRequest,
    @Headers('idempotency-key') idempotencyKeyHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: ReplyHeaders,
  ): Promise<PlacedOrderResponse> {
    const idempotencyKey = parseIdempotencyKey(idempotencyKeyHeader);
    const { order, replayed } = await this.placeOrder.execute({
      userId: user.userId,
      items: body.items.map(({ productId, quantity }) => ({ productId, quantity })),
      shippingAddress: {
        street: body.shippingAddress.street,
        city: body.shippingAddress.city,
        postalCode: body.shippingAddress.postalCode,
        country: body.shippingAddress.country,
      },
      paymentMethod: body.paymentMethod,
      idempotencyKey,
    });
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return toPlacedOrderResponse(order);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: OrderPageResponse, description: "The caller's own orders" })
  async list(
    @Query() query: ListOrdersQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderPageResponse> {
    const { orders, page, pageSize, total } = await this.listOrders.execute({
      userId: user.userId,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: orders.map(toOrderResponse), page, pageSize, total };
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderResponse> {
    return toOrderResponse(await this.getOrder.execute({ orderId: id, viewer: viewerOf(user) }));
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: OrderResponse, description: 'Cancelled; compensation follows' })
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  @ApiConflictResponse({ description: 'Already cancelled' })
  async cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderResponse> {
    const order = await this.cancelOrder.execute({ orderId: id, viewer: viewerOf(user) });
    return toOrderResponse(order);
  }
}

function viewerOf(user: AuthenticatedUser): Viewer {
  return { userId: user.userId, isAdmin: user.role === 'admin' };
}
