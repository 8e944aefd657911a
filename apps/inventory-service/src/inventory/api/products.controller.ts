import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminOnly } from '@kafka-commerce/auth';
import { CorrelationId } from '@kafka-commerce/platform';
import { CreateProductHandler } from '../application/create-product/create-product.handler';
import { FindProductsQuery } from '../application/find-products/find-products.query';
import { RestockProductHandler } from '../application/restock-product/restock-product.handler';
import { CreateProductRequest } from './create-product.request';
import { ProductResponse, toProductResponse } from './product.response';
import { RestockProductRequest } from './restock-product.request';

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly createProduct: CreateProductHandler,
    private readonly restockProduct: RestockProductHandler,
    private readonly findProducts: FindProductsQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @AdminOnly()
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiConflictResponse({ description: 'The sku is taken' })
  async create(
    @Body() body: CreateProductRequest,
    @CorrelationId() correlationId: string,
  ): Promise<ProductResponse> {
    const product = await this.createProduct.execute({
      sku: body.sku,
      name: body.name,
      price: body.price,
      stock: body.stock,
      lowStockThreshold: body.lowStockThreshold,
      correlationId,
    });
    return toProductResponse(product);
  }

  @Get()
  @ApiOkResponse({ type: [ProductResponse] })
  async list(): Promise<ProductResponse[]> {
    return (await this.findProducts.all()).map(toProductResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such product' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return toProductResponse(await this.findProducts.byId(id));
  }

  @Post(':id/restock')
  @HttpCode(200)
  @AdminOnly()
  @ApiOkResponse({ type: ProductResponse })
  @ApiBadRequestResponse({ description: 'Invalid quantity or id' })
  @ApiNotFoundResponse({ description: 'No such product' })
  @ApiUnprocessableEntityResponse({ description: 'The product would exceed the unit limit' })
  async restock(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RestockProductRequest,
    @CorrelationId() correlationId: string,
  ): Promise<ProductResponse> {
    const product = await this.restockProduct.execute({
      productId: id,
      quantity: body.quantity,
      correlationId,
    });
    return toProductResponse(product);
  }
}
